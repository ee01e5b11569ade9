import { reconcileStatus } from '../../../common/contract-status.js';
import type { ContractStatus } from '../../../common/schemas/contracts.js';
import { isAfter } from '../../../common/terms/dates.js';
import type { Lifecycle } from '../../../common/terms/lifecycle.js';
import { type NoticeOutcome, noticeOutcome } from '../../../common/terms/notice.js';
import { AppError } from '../../platform/errors.js';

/** Notice is a fact that happened: a day after today (in the account's zone) is a typing error, not a plan. */
export function refuseFutureNotice(field: string, givenOn: string | null | undefined, today: string): void {
  if (givenOn && isAfter(givenOn, today)) {
    throw AppError.invalid(
      field,
      'notice_in_future',
      `is after today (${today}); record notice once it has been given`,
    );
  }
}

/** The one place status and notice are reconciled (common/contract-status.ts says the rule). */
export function statusWithNotice(status: ContractStatus, lifecycle: Lifecycle): ContractStatus {
  const outcome = reconcileStatus(status, lifecycle.noticeGivenOn);
  if (!outcome.ok) {
    throw AppError.invalid(
      'status',
      outcome.rule,
      'needs the day notice was given (lifecycle.noticeGivenOn); record notice instead',
    );
  }
  return outcome.status;
}

/** Notice after the running term's deadline ends the contract terms later; only an explicit confirmation records it. */
export function checkedOutcome(lifecycle: Lifecycle, givenOn: string, confirmLaterEnd: boolean): NoticeOutcome {
  const outcome = noticeOutcome(lifecycle, givenOn);
  if (outcome.late && !confirmLaterEnd) {
    throw AppError.invalid(
      'givenOn',
      'notice_after_deadline',
      `is after the deadline of the term ending ${outcome.termEnd}: the contract then ends on ${outcome.endsOn}, ` +
        `${outcome.termsLater} term(s) later; send confirmLaterEnd: true to record it`,
    );
  }
  return outcome;
}

import type { ContractStatus } from './schemas/contracts.js';

/** Statuses a contract with recorded notice may not keep: notice terminates it. */
const BEFORE_NOTICE: readonly ContractStatus[] = ['draft', 'in_negotiation', 'active'];

export type StatusOutcome = { ok: true; status: ContractStatus } | { ok: false; rule: 'terminated_without_notice' };

/**
 * Status and phase never contradict each other: recorded notice makes a contract "terminated"
 * (an archived one stays archived), and "terminated" needs the notice date, because without it
 * the dates would say the contract runs on, open-ended.
 */
export function reconcileStatus(status: ContractStatus, noticeGivenOn: string | null | undefined): StatusOutcome {
  if (noticeGivenOn) return { ok: true, status: BEFORE_NOTICE.includes(status) ? 'terminated' : status };
  if (status === 'terminated') return { ok: false, rule: 'terminated_without_notice' };
  return { ok: true, status };
}

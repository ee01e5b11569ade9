import { email as emailSchema } from '../../../../common/schemas/auth.js';
import { MAX_RECIPIENTS, type Repeat } from '../../../../common/schemas/reminders.js';
import { type FieldProblem, isApiError } from '../../api/api-error.js';
import type { Reminder, ReminderInput } from '../../api/use-reminders.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import type { Translate } from '../../i18n/translate.js';
import type { RecipientErrors, RecipientValues } from './reminder-recipients.js';

export type ReminderValues = { leadTimes: number[]; repeat: Repeat | null; recipients: RecipientValues };
export type ReminderErrors = RecipientErrors & Partial<Record<'leadTimes' | 'repeat', string>>;

export function initialReminder(reminder: Reminder | null): ReminderValues {
  if (!reminder) {
    return {
      leadTimes: [30],
      repeat: null,
      recipients: { owner: true, backupOwner: false, unitEditors: false, userIds: [], emails: [] },
    };
  }
  const r = reminder.recipients;
  return {
    leadTimes: reminder.leadTimes,
    repeat: reminder.repeat,
    recipients: {
      owner: r.owner,
      backupOwner: r.backupOwner,
      unitEditors: r.unitEditors,
      userIds: r.userIds,
      emails: r.emails,
    },
  };
}

export function invalidEmails(emails: string[]): string[] {
  return emails.filter((address) => !emailSchema.safeParse(address).success);
}

/** The same rules as the server's schema, in the reader's language, before anything is sent. */
export function checkReminder(t: Translate, v: ReminderValues): ReminderErrors {
  const errors: ReminderErrors = {};
  const r = v.recipients;
  if (v.leadTimes.length === 0) errors.leadTimes = t('reminder.error.leadTimes');
  else if (v.leadTimes.length > 10) errors.leadTimes = t('reminder.error.tooManyLeadTimes');
  const bad = invalidEmails(r.emails);
  if (bad.length > 0) errors.emails = t('reminder.error.emails', { list: bad.join(', ') });
  if (r.userIds.length + r.emails.length > MAX_RECIPIENTS) {
    errors.recipients = t('reminder.error.tooMany', { max: MAX_RECIPIENTS });
  } else if (!r.owner && !r.backupOwner && !r.unitEditors && r.userIds.length + r.emails.length === 0) {
    errors.recipients = t('reminder.error.noRecipient');
  }
  return errors;
}

export function toReminderInput(v: ReminderValues): ReminderInput {
  const r = v.recipients;
  return {
    leadTimes: v.leadTimes,
    ...(v.repeat ? { repeat: v.repeat } : {}),
    recipients: { ...r, emails: r.emails.map((e) => e.trim().toLowerCase()) },
  };
}

/** Which field of the form a server path ("body.recipients.emails.2") belongs to; null: none. */
export function reminderFieldOf(path: string): keyof ReminderErrors | null {
  const parts = path.replace(/^body[./]/, '').split(/[./]/);
  if (parts[0] === 'leadTimes' || parts[0] === 'repeat') return parts[0];
  if (parts[0] !== 'recipients') return null;
  if (parts[1] === 'emails' || parts[1] === 'userIds') return parts[1];
  return 'recipients';
}

/** Server field errors next to their fields; `rest` is true when some could not be placed. */
export function serverErrors(
  t: Translate,
  error: unknown,
  emails: string[],
): { errors: ReminderErrors; rest: boolean } {
  const errors: ReminderErrors = {};
  const problems: FieldProblem[] = isApiError(error) ? error.fieldErrors : [];
  let rest = problems.length === 0;
  for (const problem of problems) {
    const field = reminderFieldOf(problem.field);
    if (!field) {
      rest = true;
      continue;
    }
    const index = Number(problem.field.split(/[./]/).pop());
    const address = field === 'emails' && Number.isInteger(index) ? emails[index] : undefined;
    const message = fieldProblemMessage(t, problem);
    errors[field] ??= address ? `${address}: ${message}` : message;
  }
  return { errors, rest };
}

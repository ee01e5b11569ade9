import { type FieldProblem, isApiError } from '../../../api/api-error.js';
import type { ReminderSettings } from '../../../api/use-reminders.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import type { Translate } from '../../../i18n/translate.js';

export type SettingsErrors = Record<string, string>;

const TOP = [
  'timeZone',
  'sendHour',
  'defaultRepeat',
  'expiryEndDays',
  'expiryNoticeDays',
  'escalationDays',
  'weeklySummary',
];
const ROW = ['eventType', 'leadTimes', 'repeat', 'recipients'];

/** Where a server path lands: "body.defaultReminders.1.recipients.emails.0" → "defaultReminders.1.recipients". */
export function settingsFieldOf(path: string): string | null {
  const parts = path.replace(/^body[./]/, '').split(/[./]/);
  const [top, index, field] = parts;
  if (top && TOP.includes(top)) return top;
  if (top !== 'defaultReminders') return null;
  if (index !== undefined && field && ROW.includes(field)) return `defaultReminders.${index}.${field}`;
  return 'defaultReminders';
}

export function serverSettingsErrors(t: Translate, error: unknown): { errors: SettingsErrors; rest: boolean } {
  const problems: FieldProblem[] = isApiError(error) ? error.fieldErrors : [];
  const errors: SettingsErrors = {};
  let rest = problems.length === 0;
  for (const problem of problems) {
    const field = settingsFieldOf(problem.field);
    if (field) errors[field] ??= fieldProblemMessage(t, problem);
    else rest = true;
  }
  return { errors, rest };
}

/** What the form itself can get wrong; the inputs keep everything else in range. */
export function checkSettings(t: Translate, s: ReminderSettings, escalation: boolean): SettingsErrors {
  const errors: SettingsErrors = {};
  s.defaultReminders.forEach((row, index) => {
    const r = row.recipients;
    if (row.leadTimes.length === 0) errors[`defaultReminders.${index}.leadTimes`] = t('reminder.error.leadTimes');
    if (!r.owner && !r.backupOwner && !r.unitEditors && r.userIds.length + r.emails.length === 0) {
      errors[`defaultReminders.${index}.recipients`] = t('reminder.error.noRecipient');
    }
  });
  const days = s.escalationDays;
  if (escalation && (days === null || !Number.isInteger(days) || days < 1 || days > 90)) {
    errors.escalationDays = t('reminderSettings.escalationRange');
  }
  return errors;
}

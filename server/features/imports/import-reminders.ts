import type { DefaultReminder, ReminderRecipients } from '../../../common/schemas/reminders.js';
import type { Ctx } from '../../platform/context.js';
import { membersAmong } from '../reminders/reminders.repo.js';
import * as repo from './imports.repo.js';

const unique = <T>(values: T[]) => [...new Set(values)];

/**
 * The account's default reminders on imported contracts, as the contract form adds them: named
 * users who may not see a contract's unit are left out, and a reminder left with nobody is not
 * made. One statement per default and unit instead of one call per contract, so a 100,000-row
 * import stays fast; the import's one activity-log entry counts them.
 */
export async function applyDefaultRemindersToImport(
  ctx: Ctx,
  contracts: { id: string; businessUnitId: string }[],
  list: DefaultReminder[],
  opts: { today: string; defaultRepeat: string; createdBy: string | null },
): Promise<number> {
  if (list.length === 0 || contracts.length === 0) return 0;
  const byUnit = new Map<string, string[]>();
  for (const c of contracts) byUnit.set(c.businessUnitId, [...(byUnit.get(c.businessUnitId) ?? []), c.id]);
  const userIds = unique(list.flatMap((d) => d.recipients.userIds ?? []));
  let created = 0;
  for (const [unitId, ids] of byUnit) {
    const members = userIds.length ? await membersAmong(ctx.tx, ctx.orgId, userIds, unitId) : [];
    const canSee = new Set(members.filter((m) => m.canSee).map((m) => m.userId));
    for (const d of list) {
      const recipients: ReminderRecipients = {
        userIds: unique(d.recipients.userIds ?? []).filter((id) => canSee.has(id)),
        emails: unique(d.recipients.emails ?? []),
        owner: d.recipients.owner ?? false,
        backupOwner: d.recipients.backupOwner ?? false,
        unitEditors: d.recipients.unitEditors ?? false,
      };
      const nobody = !recipients.owner && !recipients.backupOwner && !recipients.unitEditors;
      if (nobody && recipients.userIds.length + recipients.emails.length === 0) continue;
      created += await repo.insertDefaultReminders(ctx.tx, {
        orgId: ctx.orgId,
        contractIds: ids,
        eventType: d.eventType,
        leadTimes: d.leadTimes,
        repeat: d.repeat ?? opts.defaultRepeat,
        recipients,
        today: opts.today,
        createdBy: opts.createdBy,
      });
    }
  }
  return created;
}

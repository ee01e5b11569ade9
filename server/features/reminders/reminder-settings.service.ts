import type { z } from 'zod';
import { isTimeZone } from '../../../common/reminders/clock.js';
import type { ReminderSettings, reminderSettingsPatch } from '../../../common/schemas/reminders.js';
import { todayIn } from '../../../common/terms/dates.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import { orgSettings } from '../contracts/contracts.access.js';
import * as users from '../users/users.repo.js';
import * as repo from './reminders.repo.js';

export type ReminderSettingsPatch = z.output<typeof reminderSettingsPatch>;

function present(org: repo.OrgRow): ReminderSettings {
  return {
    timeZone: org.timeZone,
    sendHour: org.reminderSendHour,
    defaultRepeat: org.reminderDefaultRepeat,
    defaultReminders: org.reminderDefaults,
    expiryEndDays: org.expiryEndDays,
    expiryNoticeDays: org.expiryNoticeDays,
    escalationDays: org.escalationDays,
    weeklySummary: org.weeklySummary,
  };
}

/** Every member reads them: the contract form pre-ticks the default reminders. */
export async function get(ctx: Ctx): Promise<ReminderSettings> {
  return present(await orgSettings(ctx));
}

async function checkDefaultRecipients(ctx: Ctx, list: ReminderSettings['defaultReminders']): Promise<void> {
  const ids = [...new Set(list.flatMap((d) => d.recipients.userIds))];
  if (ids.length === 0) return;
  const members = new Set((await repo.membersAmong(ctx.tx, ctx.orgId, ids, null)).map((m) => m.userId));
  const problems = list.flatMap((d, j) =>
    d.recipients.userIds.flatMap((id, i) =>
      members.has(id)
        ? []
        : [
            {
              field: `defaultReminders.${j}.recipients.userIds.${i}`,
              rule: 'not_a_member',
              message: 'is not an active member of this account',
            },
          ],
    ),
  );
  const [first, ...rest] = problems;
  if (first) throw AppError.invalidAll([first, ...rest]);
}

/** Administrators only. A new expiry schedule applies at once to every expiry reminder of the account. */
export async function update(ctx: Ctx, patch: ReminderSettingsPatch): Promise<ReminderSettings> {
  requireAdmin(ctx);
  if (patch.timeZone !== undefined && !isTimeZone(patch.timeZone)) {
    throw AppError.invalid('timeZone', 'unknown_time_zone', 'is not an IANA time zone such as Europe/Berlin');
  }
  if (patch.defaultReminders) await checkDefaultRecipients(ctx, patch.defaultReminders);
  const org = await orgSettings(ctx);
  const before = present(org);
  const changes = diff(before as unknown as Record<string, unknown>, patch);
  if (Object.keys(changes).length === 0) return before;
  const set = (key: keyof ReminderSettings) => changes[key] !== undefined;
  const row = await repo.updateOrg(ctx.tx, ctx.orgId, {
    ...(set('timeZone') ? { timeZone: patch.timeZone } : {}),
    ...(set('sendHour') ? { reminderSendHour: patch.sendHour } : {}),
    ...(set('defaultRepeat') ? { reminderDefaultRepeat: patch.defaultRepeat } : {}),
    ...(set('defaultReminders') ? { reminderDefaults: patch.defaultReminders } : {}),
    ...(set('expiryEndDays') ? { expiryEndDays: patch.expiryEndDays } : {}),
    ...(set('expiryNoticeDays') ? { expiryNoticeDays: patch.expiryNoticeDays } : {}),
    ...(set('escalationDays') ? { escalationDays: patch.escalationDays } : {}),
    ...(set('weeklySummary') ? { weeklySummary: patch.weeklySummary } : {}),
  });
  const today = todayIn(row.timeZone);
  if (set('expiryEndDays')) await repo.rescheduleExpiry(ctx.tx, ctx.orgId, 'end', row.expiryEndDays, today);
  if (set('expiryNoticeDays')) {
    await repo.rescheduleExpiry(ctx.tx, ctx.orgId, 'notice_deadline', row.expiryNoticeDays, today);
  }
  // Default reminders may name e-mail addresses: personal, kept apart so they can be erased.
  const { defaultReminders, ...open } = changes;
  await record(ctx, {
    action: 'reminder.settings_updated',
    objectType: 'org',
    objectId: ctx.orgId,
    changes: open,
    personalChanges: defaultReminders ? { defaultReminders } : {},
  });
  return present(row);
}

function requireUser(ctx: Ctx) {
  if (ctx.actor.type !== 'user') throw AppError.forbidden('Reminder preferences belong to a person, not an API key.');
  return ctx.actor;
}

export async function getPreferences(ctx: Ctx): Promise<{ digest: boolean }> {
  const membership = await users.findMembership(ctx.tx, ctx.orgId, requireUser(ctx).id);
  return { digest: membership?.reminderDigest ?? false };
}

/** The caller's choice, in this account: one daily digest instead of single reminder mails. */
export async function setPreferences(ctx: Ctx, input: { digest: boolean }): Promise<{ digest: boolean }> {
  const actor = requireUser(ctx);
  const before = await getPreferences(ctx);
  if (before.digest === input.digest) return before;
  await users.updateMembership(ctx.tx, ctx.orgId, actor.id, { reminderDigest: input.digest });
  await record(ctx, {
    action: 'reminder.preferences_updated',
    objectType: 'user',
    objectId: actor.id,
    changes: { digest: { before: before.digest, after: input.digest } },
  });
  return { digest: input.digest };
}

import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Repeat } from '../../../../common/schemas/reminders.js';
import { addDays, todayIn } from '../../../../common/terms/dates.js';
import { rowsOf } from '../../../db/client.js';
import { withClaims } from '../../../db/tx.js';
import { type Caller, signUpOrg } from '../../../test/api.js';
import type { Harness } from '../../../test/harness.js';
import { newContract, setOrg } from '../../contracts/contracts.fixtures.js';

/** SQL in the caller's org, as the app role. */
export function inOrgSql<T = Record<string, unknown>>(h: Harness, who: Caller, query: ReturnType<typeof sql>) {
  return withClaims(h.database.db, { orgId: who.me!.org.id }, async (tx) => rowsOf<T>(await tx.execute(query)));
}

/** Reminder settings under which an org's own schedules stay quiet: no expiry notifications, no default reminders, no escalation, no weekly summary. */
export const QUIET_SETTINGS = {
  expiryEndDays: [],
  expiryNoticeDays: [],
  reminderDefaults: [],
  escalationDays: null,
  weeklySummary: false,
};

/** A fresh org whose own schedules stay quiet, so a test sees only the mails it sets up. */
export async function quietOrg(h: Harness, settings: Record<string, unknown> = {}) {
  const admin = await signUpOrg(h);
  await setOrg(h, admin, { ...QUIET_SETTINGS, ...settings });
  return admin;
}

/** A running contract owned by `owner` whose notice deadline lies about 300 days ahead; answers its notice-deadline event. */
export async function contractWithDeadline(h: Harness, admin: Caller, extra: Record<string, unknown> = {}) {
  const today = todayIn('Europe/Berlin');
  const contract = await newContract(h, admin, {
    title: `Lease ${randomUUID().slice(0, 6)}`,
    status: 'active',
    ownerId: admin.me!.user!.id,
    lifecycle: {
      type: 'auto_renewal',
      startDate: addDays(today, -30),
      endDate: addDays(today, 400),
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    },
    ...extra,
  });
  const [event] = await inOrgSql<{ id: string; date: string }>(
    h,
    admin,
    sql`select id, date::text as date from events where contract_id = ${contract.id} and type = 'notice_deadline'`,
  );
  if (!event?.date) throw new Error('the contract has no notice deadline event');
  return { contract, event, today };
}

/** A reminder straight in the table (made on `today`), as the reminders API would store it. */
export async function addReminder(
  h: Harness,
  who: Caller,
  target: { contractId: string; eventId: string },
  r: {
    leadTimes: number[];
    repeat?: Repeat;
    owner?: boolean;
    backupOwner?: boolean;
    userIds?: string[];
    emails?: string[];
    createdOn?: string;
  },
): Promise<string> {
  const id = randomUUID();
  const recipients = {
    userIds: r.userIds ?? [],
    emails: r.emails ?? [],
    owner: r.owner ?? false,
    backupOwner: r.backupOwner ?? false,
    unitEditors: false,
  };
  const createdOn = r.createdOn ?? todayIn('Europe/Berlin');
  const leadTimes = sql`ARRAY[${sql.join(
    r.leadTimes.map((l) => sql`${l}`),
    sql`, `,
  )}]::integer[]`;
  await inOrgSql(
    h,
    who,
    sql`insert into reminders (org_id, id, event_id, contract_id, kind, lead_times, repeat, recipients, created_on, next_due_on, created_by)
        select e.org_id, ${id}, e.id, e.contract_id, 'custom', ${leadTimes}, ${r.repeat ?? 'once'}, ${JSON.stringify(recipients)}::jsonb,
               ${createdOn}::date, reminder_first_due(e.date, ${leadTimes}, ${r.repeat ?? 'once'}, ${createdOn}::date), ${who.me!.user!.id}
        from events e where e.id = ${target.eventId}`,
  );
  return id;
}

export interface DeliveryRow {
  id: string;
  kind: string;
  status: string;
  recipient_email: string;
  attempts: number;
  message_id: string | null;
  last_error: string | null;
  digest_id: string | null;
  level: number;
}

export function deliveriesOf(h: Harness, who: Caller): Promise<DeliveryRow[]> {
  return inOrgSql<DeliveryRow>(
    h,
    who,
    sql`select id, kind, status, recipient_email, attempts, message_id, last_error, digest_id, level
        from deliveries order by created_at, recipient_email`,
  );
}

/** `date` at `hh:mm` as a wall-clock time in the account's zone (what `--as-of` takes). */
export const at = (date: string, time = '08:00') => `${date}T${time}`;

import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { dueDay } from '../../common/reminders/clock.js';
import * as queue from '../../server/features/reminders/engine/enqueue.repo.js';
import { queueDue, resolveAsOf, settingsOf } from '../../server/features/reminders/engine/run.js';
import { type Actor, type Deps, runInOrg, transact } from '../../server/platform/context.js';
import { allOrgs } from '../../server/platform/jobs/orgs.repo.js';
import { capture, type Statement } from '../repository/capture.js';

const ENGINE: Actor = { type: 'system', name: 'deedbox reminders' };
const request = () => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-reminders', via: 'cli' as const });

export interface StepTimes {
  enqueueDue: number;
  escalate: number;
  gatherDigests: number;
  summaries: number;
}

export interface AppFigures {
  ms: number;
  steps: StepTimes;
  /** Milliseconds of each org's queueing transaction (settings read included). */
  perOrg: number[];
  occurrences: number;
  deliveries: number;
  escalations: number;
  digests: number;
  summaries: number;
}

/**
 * The queueing step of `runReminders` for every org, as `runOrg` does it: the org's settings,
 * then one transaction under the org's reminder lock with enqueueDue, escalate, gatherDigests
 * and the weekly summaries. No refresh (nothing is stale on the seeded day) and no sending.
 */
export async function appEnqueue(deps: Deps, asOf: string, expectedDay: string, only?: string): Promise<AppFigures> {
  const figures: AppFigures = {
    ms: 0,
    steps: { enqueueDue: 0, escalate: 0, gatherDigests: 0, summaries: 0 },
    perOrg: [],
    occurrences: 0,
    deliveries: 0,
    escalations: 0,
    digests: 0,
    summaries: 0,
  };
  const start = performance.now();
  const ids = only ? [only] : (await transact(deps, {}, (tx) => allOrgs(tx))).map((o) => o.id);
  for (const orgId of ids) {
    const orgStart = performance.now();
    const settings = (await settingsOf(deps, orgId))!;
    const now = resolveAsOf(asOf, settings.timeZone);
    const day = dueDay(now, settings.timeZone, settings.sendHour);
    if (day !== expectedDay) throw new Error(`org ${orgId}: due day ${day}, expected ${expectedDay}`);
    await runInOrg(deps, { orgId, actor: ENGINE }, request(), async (ctx) => {
      if (!(await queue.tryReminderLock(ctx.tx, orgId))) throw new Error(`reminder lock of ${orgId} is taken`);
      let t = performance.now();
      const queued = await queueDue(ctx.tx, orgId, settings, day, now, (step) => {
        const at = performance.now();
        figures.steps[step] += at - t;
        t = at;
      });
      figures.occurrences += queued.occurrences;
      figures.deliveries += queued.deliveries;
      figures.escalations += queued.escalations;
      figures.digests += queued.digests;
      figures.summaries += queued.summaries;
    });
    figures.perOrg.push(performance.now() - orgStart);
  }
  figures.ms = performance.now() - start;
  return figures;
}

export interface RawFigures {
  ms: number;
  occurrences: number;
  deliveries: number;
}

/**
 * The floor: the same find-and-insert done by one plain statement over all orgs as the
 * superuser (no row-level security, claims, lock, per-org transactions, escalation, digests
 * or summaries): due reminders joined to their events and live contracts, their next due day
 * moved on, one occurrence each (none for an expiry notification whose event's owner another
 * due reminder already tells) and one delivery per recipient (owner, backup owner, external
 * addresses, administrators for an ownerless expiry reminder) into scratch copies of the tables.
 */
export async function rawEnqueue(db: pg.Client, day: string, now: Date): Promise<RawFigures> {
  await db.query('truncate bench.occurrences_scratch, bench.deliveries_scratch');
  const start = performance.now();
  const { rows } = await db.query(
    `with due as (
       select r.org_id, r.id as reminder_id, r.event_id, r.contract_id, r.kind, r.recipients, e.date as event_date,
              c.owner_id, c.backup_owner_id
       from reminders r
       join events e on e.org_id = r.org_id and e.id = r.event_id
       join contracts c on c.org_id = r.org_id and c.id = r.contract_id
       where r.next_due_on <= $1::date and e.date >= $1::date and r.dismissed_for is distinct from e.date
         and c.deleted_at is null and c.status <> 'archived' and c.phase <> 'ended'),
     advanced as (
       update reminders r set next_due_on = reminder_next_due(d.event_date, r.lead_times, r.repeat, $1::date + 1)
       from due d where r.org_id = d.org_id and r.id = d.reminder_id
       returning r.id),
     owner_told as (
       select event_id from due
       where kind <> 'expiry' and owner_id is not null
         and (coalesce((recipients ->> 'owner')::boolean, false) or (recipients -> 'userIds') ? owner_id::text)),
     occ as (
       insert into bench.occurrences_scratch (org_id, id, reminder_id, event_id, contract_id, event_date, due_on)
       select org_id, gen_random_uuid(), reminder_id, event_id, contract_id, event_date, $1::date from due
       where not (kind = 'expiry' and event_id in (select event_id from owner_told))
       returning id, reminder_id),
     od as (select o.id as occurrence_id, d.* from occ o join due d on d.reminder_id = o.reminder_id),
     rcpt as (
       select od.*, od.owner_id as user_id, null::text as email from od
         where (od.recipients ->> 'owner')::boolean and od.owner_id is not null
       union all select od.*, od.backup_owner_id, null from od
         where (od.recipients ->> 'backupOwner')::boolean and od.backup_owner_id is not null
           and od.backup_owner_id is distinct from od.owner_id
       union all select od.*, m.user_id, null from od join memberships m on m.org_id = od.org_id and m.is_admin
         where od.kind = 'expiry' and od.owner_id is null
       union all select od.*, null, e.value from od cross join jsonb_array_elements_text(od.recipients -> 'emails') e),
     made as (
       insert into bench.deliveries_scratch (org_id, id, dedupe_key, kind, occurrence_id, reminder_id, contract_id,
                                             recipient_user_id, recipient_email, info_only, locale, status, next_attempt_at)
       select r.org_id, gen_random_uuid(), 'r:' || r.occurrence_id || ':' || coalesce(r.user_id::text, r.email), 'reminder',
              r.occurrence_id, r.reminder_id, r.contract_id, r.user_id, coalesce(u.email, r.email), r.user_id is null,
              coalesce(u.locale, 'en'), 'queued', $2
       from rcpt r left join users u on u.id = r.user_id
       returning id)
     select (select count(*) from occ)::int as occurrences, (select count(*) from made)::int as deliveries,
            (select count(*) from advanced)::int as advanced`,
    [day, now],
  );
  const ms = performance.now() - start;
  return { ms, occurrences: rows[0].occurrences, deliveries: rows[0].deliveries };
}

/** Scratch copies of the two tables the floor writes (indexes and defaults, no foreign keys, no RLS). */
export async function ensureScratch(db: pg.Client) {
  await db.query(`create table if not exists bench.occurrences_scratch (like reminder_occurrences including all);
    create table if not exists bench.deliveries_scratch (like deliveries including all)`);
}

/**
 * Back to the seeded state: rows made after the seed go, reminders get their seeded next due
 * day, escalation state and open day back; then vacuum, analyze and a checkpoint, so each run starts alike.
 */
export async function reset(db: pg.Client, seededAt: Date) {
  await db.query('delete from deliveries where created_at > $1', [seededAt]);
  await db.query('delete from reminder_occurrences where created_at > $1', [seededAt]);
  await db.query(`update reminders r
    set next_due_on = s.next_due_on, escalation_level = s.escalation_level, escalated_for = s.escalated_for,
        open_since = s.open_since
    from bench.reminder_state s
    where s.id = r.id and s.org_id = r.org_id
      and (r.next_due_on, r.escalation_level, r.escalated_for, r.open_since)
          is distinct from (s.next_due_on, s.escalation_level, s.escalated_for, s.open_since)`);
  await db.query('truncate bench.occurrences_scratch, bench.deliveries_scratch');
  await db.query('vacuum analyze reminders, reminder_occurrences, deliveries');
  await db.query('checkpoint');
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of each statement of one org's queueing transaction, each inside
 * that transaction as the app sends it (role deedbox_app, claims, earlier statements), rolled back.
 * The statements are captured from one committed run, which `reset` then undoes.
 */
export async function explainQueue(
  deps: Deps,
  url: string,
  orgId: string,
  asOf: string,
  day: string,
  reset: () => Promise<void>,
): Promise<string[]> {
  const statements = await capture(() => appEnqueue(deps, asOf, day, orgId));
  await reset();
  const begins = statements
    .map((s, i) => (/^\s*begin/i.test(s.text) ? i : -1))
    .filter((i) => i >= 0)
    .at(-1)!;
  const tx = statements.slice(begins);
  const plans: string[] = [];
  for (const [i, s] of tx.entries()) {
    if (!/^\s*(with|update|insert)\b/i.test(s.text)) continue;
    plans.push(
      `-- statement ${i} of the queueing transaction\n${s.text.trim()}\n-- values: ${JSON.stringify(s.values)}\n${await explainAt(url, tx, i)}`,
    );
  }
  return plans;
}

async function explainAt(url: string, tx: Statement[], i: number): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const s of tx.slice(0, i)) await client.query({ text: s.text, values: s.values });
    const s = tx[i]!;
    const { rows } = await client.query({ text: `explain (analyze, buffers) ${s.text}`, values: s.values });
    return rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('rollback').catch(() => {});
    await client.end();
  }
}

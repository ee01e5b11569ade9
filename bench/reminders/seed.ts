import pg from 'pg';
import { addDays } from '../../common/terms/dates.js';
import { shippedMigrations } from '../../server/db/client.js';
import { ORGS, SEED_VERSION as REPOSITORY_SEED_VERSION, seed as seedContracts } from '../repository/seed.js';

/** Bump when the seeded data changes shape, so an old bench database is seeded again. */
export const SEED_VERSION = 1;
/**
 * The measured day. Contracts' stored dates are computed as of this day and every reminder is
 * in the state the engine leaves it in after running daily up to the day before. A Monday at
 * the start of a month: one of the heavier days of the year (month-end deadlines 30 and 90
 * days ahead), so ~1.7 % of all reminders are due, and the weekly summaries are queued.
 */
export const DAY = '2027-02-01';
/** Days of earlier occurrences and deliveries (sent, acknowledged, escalated) before DAY. */
export const HISTORY_DAYS = 90;
/** Members per org (one administrator); contract owners and backup owners are among them. */
export const USERS_PER_ORG = 300;
/** The orgs' own setting (default): days without acknowledgement before escalating. */
const ESCALATION_DAYS = 7;

export interface Marker {
  version: number;
  repository_version: number;
  migrations: number;
  day: string;
  big_org_id: string;
  seeded_at: Date;
  seconds: number;
}

/** The marker of a complete seed made by this version on the current migrations, or null. */
export async function completeSeed(url: string): Promise<Marker | null> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    const exists = await client.query(`select to_regclass('bench.reminders_marker') is not null as present`);
    if (!exists.rows[0].present) return null;
    const marker = (
      await client.query(
        'select version, repository_version, migrations, day::text, big_org_id, seeded_at, seconds from bench.reminders_marker',
      )
    ).rows[0] as Marker | undefined;
    const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const current =
      marker?.version === SEED_VERSION &&
      marker.repository_version === REPOSITORY_SEED_VERSION &&
      marker.day === DAY &&
      marker.migrations === (await shippedMigrations());
    return current && applied.rows[0].n === marker.migrations ? marker : null;
  } finally {
    await client.end();
  }
}

type Log = (line: string) => void;

const FIRST_NAMES = `Anna Ben Clara David Emma Felix Greta Hannah Ida Jonas Karl Lena Max Mia Noah Olga Paul Rosa
  Sophie Tom Ute Vera Will Yusuf Zoe Ahmet Beatrix Chiara Dario Elif`.split(/\s+/);
const LAST_NAMES = `Becker Braun Fischer Hoffmann Koch Krüger Lange Meyer Müller Neumann Richter Schäfer Schmidt
  Schneider Schulz Schwarz Wagner Weber Wolf Zimmermann Kaya Rossi Novak Jansen Dubois`.split(/\s+/);
const lit = (items: string[]) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * Fills a migrated, empty database straight in SQL as the superuser: the repository bench's
 * 10 orgs × 100,000 contracts (whose insert triggers create the system events and the global
 * expiry reminders), 300 members per org as owners and backup owners, one more reminder per
 * contract (the account default, or a custom one), every reminder's next due day as the
 * engine leaves it, and HISTORY_DAYS of earlier occurrences and deliveries.
 */
export async function seed(url: string, log: Log): Promise<Marker> {
  const started = new Date();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const step = async (what: string, text: string, values: unknown[] = []) => {
    const t = Date.now();
    const result = await client.query(text, values);
    log(`    ${what}: ${result.rowCount ?? 0} rows in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    return result;
  };
  try {
    await client.query(`set synchronous_commit = off; set maintenance_work_mem = '512MB'; set work_mem = '64MB'`);
    const { rows: orgRows } = await client.query(
      `insert into orgs (id, name) values (gen_random_uuid(), 'Bench Org 1') returning id`,
    );
    const bigOrgId = orgRows[0].id as string;
    await client.query(
      `insert into business_units (org_id, id, name, is_default) values ($1, gen_random_uuid(), 'Headquarters', true)`,
      [bigOrgId],
    );
    const { rows: adminRows } = await client.query(
      `insert into users (id, email, name, locale) values (gen_random_uuid(), 'admin.1@bench.example', 'Bench Admin', 'en')
       returning id`,
    );
    await client.query(`insert into memberships (org_id, user_id, is_admin, status) values ($1, $2, true, 'active')`, [
      bigOrgId,
      adminRows[0].id,
    ]);
    log(`  contracts, system events and expiry reminders (the repository bench's seed, as of ${DAY})`);
    await seedContracts(url, bigOrgId, adminRows[0].id as string, DAY, log);

    const { rows: orgs } = await client.query<{ id: string }>(`select id from orgs order by (id = $1) desc, name`, [
      bigOrgId,
    ]);
    if (orgs.length !== ORGS) throw new Error(`expected ${ORGS} orgs, found ${orgs.length}`);
    for (const [i, org] of orgs.entries()) {
      const t = Date.now();
      log(`  org ${i + 1}/${orgs.length}: members, owners, reminders, history`);
      await seedOrg(client, org.id, i + 1, started, step);
      log(`  org ${i + 1}/${orgs.length} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    log('  vacuum analyze');
    await client.query(
      'vacuum analyze users, memberships, contracts, events, reminders, reminder_occurrences, deliveries',
    );
    await step(
      'snapshot of the reminders (for resets between runs)',
      `create table bench.reminder_state as
         select org_id, id, next_due_on, escalation_level, escalated_for, open_since from reminders;
       alter table bench.reminder_state add primary key (id)`,
    );
    const seconds = Math.round((Date.now() - started.getTime()) / 1000);
    const marker: Marker = {
      version: SEED_VERSION,
      repository_version: REPOSITORY_SEED_VERSION,
      migrations: await shippedMigrations(),
      day: DAY,
      big_org_id: bigOrgId,
      seeded_at: new Date(),
      seconds,
    };
    await client.query(`create table bench.reminders_marker (version int, repository_version int, migrations int,
      day date, big_org_id uuid, seeded_at timestamptz, seconds int)`);
    await client.query('insert into bench.reminders_marker values ($1, $2, $3, $4, $5, $6, $7)', [
      marker.version,
      marker.repository_version,
      marker.migrations,
      marker.day,
      marker.big_org_id,
      marker.seeded_at,
      marker.seconds,
    ]);
    return marker;
  } finally {
    await client.end();
  }
}

type Step = (what: string, text: string, values?: unknown[]) => Promise<pg.QueryResult>;

/** Reminders stop for archived, ended and deleted contracts (the engine's CONTRACT_LIVE). */
const LIVE = `c.deleted_at is null and c.status <> 'archived' and c.phase <> 'ended'`;

async function seedOrg(client: pg.Client, orgId: string, n: number, started: Date, step: Step) {
  const from = addDays(DAY, -HISTORY_DAYS);
  // Members: org 1 has its administrator already; elsewhere the first member is the administrator.
  await step(
    'members',
    `with made as (
       insert into users (id, email, name, locale)
       select gen_random_uuid(), 'user' || g || '.' || $2::int || '@bench.example',
              (${lit(FIRST_NAMES)})[1 + (g * 7 + $2::int) % ${FIRST_NAMES.length}] || ' ' ||
              (${lit(LAST_NAMES)})[1 + (g * 13 + $2::int * 3) % ${LAST_NAMES.length}],
              case when random() < 0.3 then 'de' else 'en' end
       from generate_series((select count(*)::int from memberships where org_id = $1) + 1, $3::int) g
       returning id, email)
     insert into memberships (org_id, user_id, is_admin, status, reminder_digest, locked_at)
     select $1, id, email like 'user1.%', 'active', random() < 0.1, case when random() < 0.01 then now() end
     from made`,
    [orgId, n, USERS_PER_ORG],
  );
  // Owners and backup owners: the triggers on contracts only follow stored dates, so they are
  // left out here (replica mode also skips the foreign-key checks of this bulk update).
  await client.query('set session_replication_role = replica');
  await step(
    'owners',
    `with m as (select array_agg(user_id order by user_id) as ids from memberships where org_id = $1)
     update contracts c
     set owner_id = case when random() < 0.92 then m.ids[1 + floor(random() * cardinality(m.ids))::int] end,
         backup_owner_id = case when random() < 0.3 then m.ids[1 + floor(random() * cardinality(m.ids))::int] end
     from m where c.org_id = $1`,
    [orgId],
  );
  await client.query('set session_replication_role = origin');
  // One more reminder per contract: 80 % the account default (notice deadline, 90 and 30 days,
  // owner), 20 % custom ones with other lead times, repetition, backup owner, external address.
  await step(
    'default and custom reminders',
    `with c as materialized (
       select c.org_id, c.id, c.owner_id, c.created_at, random() k1, random() k2, random() k3, random() k4,
              random() k5, random() k6
       from contracts c where c.org_id = $1),
     k as (
       select c.*, c.k1 < 0.8 as is_default from c)
     insert into reminders (org_id, id, event_id, contract_id, kind, lead_times, repeat, recipients, created_on, created_by)
     select k.org_id, gen_random_uuid(), e.id, k.id,
            case when k.is_default then 'default' else 'custom' end,
            case when k.is_default then '{90,30}'::int[]
                 else (array['{60,14}', '{120,60,30}', '{30,7,0}', '{180,90}', '{14,0}', '{45}'])[1 + floor(k.k3 * 6)::int]::int[] end,
            case when k.is_default or k.k4 >= 0.3 then 'once' when k.k4 < 0.05 then 'daily' else 'weekly' end,
            jsonb_build_object('userIds', '[]'::jsonb,
              'emails', case when not k.is_default and k.k5 < 0.3
                             then jsonb_build_array('legal' || floor(k.k5 * 1000)::int || '@partner.example')
                             else '[]'::jsonb end,
              'owner', true, 'backupOwner', not k.is_default and k.k6 < 0.4, 'unitEditors', false),
            k.created_at::date, k.owner_id
     from k join events e on e.org_id = k.org_id and e.contract_id = k.id
       and e.type = case when k.is_default or k.k2 < 0.6 then 'notice_deadline' else 'end' end`,
    [orgId],
  );
  // The state the engine leaves after running daily until yesterday: the next due day from
  // today on. Reminders of archived, ended or deleted contracts are skipped by the engine and
  // stay due since the first lead day that passed (until their event passes).
  await step(
    'next due days',
    `update reminders r
     set next_due_on = case when ${LIVE} then reminder_next_due(e.date, r.lead_times, r.repeat, $2::date)
                            when e.date >= $2::date then reminder_next_due(e.date, r.lead_times, r.repeat, $2::date - 365) end,
         created_on = least(r.created_on, c.created_at::date)
     from events e, contracts c
     where r.org_id = $1 and e.org_id = r.org_id and e.id = r.event_id and c.org_id = r.org_id and c.id = r.contract_id`,
    [orgId, DAY],
  );
  const createdAt = `$3::timestamptz - ($2::date - o.due_on) * interval '1 day'`;
  await step(
    'history: occurrences',
    `with recursive h as (
       select r.org_id, r.id, r.event_id, r.contract_id, e.date as event_date, r.lead_times, r.repeat,
              reminder_next_due(e.date, r.lead_times, r.repeat, $4::date) as d
       from reminders r
       join events e on e.org_id = r.org_id and e.id = r.event_id
       join contracts c on c.org_id = r.org_id and c.id = r.contract_id
       where r.org_id = $1 and e.date >= $4::date and ${LIVE}
       union all
       select org_id, id, event_id, contract_id, event_date, lead_times, repeat,
              reminder_next_due(event_date, lead_times, repeat, d + 1)
       from h where d < $2::date - 1)
     insert into reminder_occurrences (org_id, id, reminder_id, event_id, contract_id, event_date, due_on, created_at)
     select org_id, gen_random_uuid(), id, event_id, contract_id, event_date, d,
            $3::timestamptz - ($2::date - d) * interval '1 day'
     from h where d < $2::date`,
    [orgId, DAY, started, from],
  );
  const sentAt = `((o.due_on + time '08:00') at time zone 'Europe/Berlin')`;
  await step(
    'history: deliveries',
    `insert into deliveries (org_id, id, dedupe_key, kind, occurrence_id, reminder_id, contract_id, recipient_user_id,
                             recipient_email, info_only, locale, status, attempts, next_attempt_at, first_attempt_at,
                             sent_at, message_id, last_error, created_at, updated_at)
     select o.org_id, gen_random_uuid(), 'r:' || o.id || ':' || coalesce(x.user_id::text, x.email), 'reminder', o.id,
            o.reminder_id, o.contract_id, x.user_id, coalesce(u.email, x.email), x.info_only, coalesce(u.locale, 'en'),
            s.status, 1, ${sentAt}, ${sentAt}, case when s.status = 'sent' then ${sentAt} end,
            case when s.status = 'sent' then '<' || o.id || '@bench.example>' end,
            case when s.status <> 'sent' then '550 Mailbox unavailable' end, ${createdAt}, ${sentAt}
     from reminder_occurrences o
     join reminders r on r.org_id = o.org_id and r.id = o.reminder_id
     join contracts c on c.org_id = o.org_id and c.id = o.contract_id
     cross join lateral (
       select c.owner_id as user_id, null::text as email, false as info_only
         where (r.recipients ->> 'owner')::boolean and c.owner_id is not null
       union select c.backup_owner_id, null, false
         where (r.recipients ->> 'backupOwner')::boolean and c.backup_owner_id is not null
       union select m.user_id, null, false from memberships m
         where r.kind = 'expiry' and c.owner_id is null and m.org_id = o.org_id and m.is_admin
       union select null, e.value, true from jsonb_array_elements_text(r.recipients -> 'emails') e) x
     left join users u on u.id = x.user_id
     cross join lateral (select case when random() < 0.003 then 'bounced' when random() < 0.002 then 'failed'
                                     else 'sent' end as status where o.id is not null) s
     where o.org_id = $1
     on conflict (org_id, dedupe_key) do nothing`,
    [orgId, DAY, started],
  );
  // Of the reminders already mailed for an event still ahead, 60 % were acknowledged; the rest
  // escalated as far as the engine would have taken them by yesterday.
  await step(
    'history: acknowledgements and escalations',
    `with f as (
       select reminder_id, event_date, min(due_on) as first from reminder_occurrences
       where org_id = $1 and event_date >= $2::date group by reminder_id, event_date),
     s as (
       select f.*, c.owner_id, random() < 0.6 as ack,
              case when c.backup_owner_id is not null
                   then case when f.first <= $2::date - 2 * $3::int - 1 then 2 when f.first <= $2::date - $3::int - 1 then 1 else 0 end
                   else case when f.first <= $2::date - $3::int - 1 then 2 else 0 end end as level
       from f join reminders r on r.org_id = $1 and r.id = f.reminder_id
       join contracts c on c.org_id = r.org_id and c.id = r.contract_id)
     update reminders r
     set acknowledged_for = case when s.ack then s.event_date end,
         acknowledged_by = case when s.ack then s.owner_id end,
         acknowledged_at = case when s.ack then (s.first + 1)::timestamptz end,
         escalation_level = case when s.ack then 0 else s.level end,
         escalated_for = case when not s.ack and s.level > 0 then s.event_date end,
         -- As the engine keeps it: open from the first mail until acknowledged or fully escalated.
         open_since = case when not s.ack and s.level < 2 then s.first end
     from s where r.org_id = $1 and r.id = s.reminder_id`,
    [orgId, DAY, ESCALATION_DAYS],
  );
  await step(
    'history: weekly summaries',
    `insert into deliveries (org_id, id, dedupe_key, kind, recipient_user_id, recipient_email, locale, status, attempts,
                             next_attempt_at, first_attempt_at, sent_at, message_id, created_at, updated_at)
     select m.org_id, gen_random_uuid(), 's:' || w::date || ':' || m.user_id, 'summary', m.user_id, u.email, u.locale,
            'sent', 1, w, w, w, '<s' || w::date || m.user_id || '@bench.example>',
            $3::timestamptz - ($2::date - w::date) * interval '1 day', w
     from memberships m join users u on u.id = m.user_id
     cross join generate_series($4::date + (8 - extract(isodow from $4::date)::int) % 7, $2::date - 1, interval '7 days') w
     where m.org_id = $1 and m.is_admin`,
    [orgId, DAY, started, from],
  );
}

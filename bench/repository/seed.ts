import pg from 'pg';
import { todayIn } from '../../common/terms/dates.js';
import { shippedMigrations } from '../../server/db/client.js';
import type { SmtpSink } from '../../server/test/smtp-sink.js';
import { signUpThroughMail } from '../sign-up.js';
import { lifecycleTemplates } from './lifecycles.js';
import { CATEGORIES, CITIES, ORG_UNITS, partnerNames, REGIONS, TAGS, TITLES, UNITS } from './names.js';

/** Bump when the seeded data changes shape, so an old bench database is seeded again. */
export const SEED_VERSION = 1;
export const ORGS = 10;
export const CONTRACTS_PER_ORG = 100_000;
export const PARTNERS_PER_ORG = 5_000;
const TEMPLATES = 4_000;

export const ADMIN = {
  name: 'Bench Admin',
  email: 'bench-admin@example.com',
  password: 'Tr0ub4dor&3-horse-staple',
  companyName: 'Bench Big GmbH',
};

export interface Marker {
  version: number;
  migrations: number;
  org_id: string;
  seeded_on: string;
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
    const exists = await client.query(`select to_regclass('bench.seed_marker') is not null as present`);
    if (!exists.rows[0].present) return null;
    const marker = (
      await client.query('select version, migrations, org_id, seeded_on::text, seconds from bench.seed_marker')
    ).rows[0] as Marker | undefined;
    const applied = await client.query('select count(*)::int as n from drizzle.__drizzle_migrations');
    const current = marker?.version === SEED_VERSION && marker.migrations === (await shippedMigrations());
    return current && applied.rows[0].n === marker.migrations ? marker : null;
  } finally {
    await client.end();
  }
}

type Log = (line: string) => void;

/** How much a seed makes: the repository bench's full size unless another bench asks for less. */
export interface SeedSize {
  orgs: number;
  contractsPerOrg: number;
  partnersPerOrg: number;
}

export const FULL_SIZE: SeedSize = { orgs: ORGS, contractsPerOrg: CONTRACTS_PER_ORG, partnersPerOrg: PARTNERS_PER_ORG };

/**
 * Signs the big org up through the API of the server at `serverUrl` (users, org, default unit,
 * admin: mail to `sink`), then seeds the rest in SQL; answers the big org and its administrator.
 */
export async function seedBigOrg(
  serverUrl: string,
  sink: SmtpSink,
  url: string,
  log: Log,
  size: SeedSize = FULL_SIZE,
): Promise<{ orgId: string; userId: string }> {
  await signUpThroughMail(serverUrl, ADMIN, sink);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let found: { org_id: string; user_id: string; time_zone: string };
  try {
    found = (
      await client.query(
        'select m.org_id, m.user_id, o.time_zone from memberships m join users u on u.id = m.user_id join orgs o on o.id = m.org_id where u.email = $1',
        [ADMIN.email],
      )
    ).rows[0];
  } finally {
    await client.end();
  }
  await seed(url, found.org_id, found.user_id, todayIn(found.time_zone), log, size);
  return { orgId: found.org_id, userId: found.user_id };
}

/**
 * Fills the bench database (migrated, with the big org signed up through the API) straight in
 * SQL as the superuser: classification, custom fields, partners and contracts for `size.orgs` orgs.
 */
export async function seed(
  url: string,
  bigOrgId: string,
  adminUserId: string,
  today: string,
  log: Log,
  size: SeedSize = FULL_SIZE,
) {
  const started = Date.now();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`set synchronous_commit = off; set maintenance_work_mem = '512MB'`);
    await loadTemplates(client, today);
    const orgIds = [bigOrgId];
    for (let n = 2; n <= size.orgs; n++) orgIds.push(await createOrg(client, `Bench Org ${n}`));
    for (const [i, orgId] of orgIds.entries()) {
      const t = Date.now();
      await seedOrg(client, orgId, i, i === 0 ? adminUserId : null, today, size);
      log(
        `  org ${i + 1}/${orgIds.length}: ${size.contractsPerOrg} contracts in ${((Date.now() - t) / 1000).toFixed(1)} s`,
      );
    }
    log('  vacuum analyze');
    await client.query('vacuum analyze contracts, partners, business_units, custom_fields, categories, org_units');
    const seconds = Math.round((Date.now() - started) / 1000);
    await client.query(`create schema if not exists bench;
      create table bench.seed_marker (version int, migrations int, org_id uuid, seeded_on date, seconds int)`);
    await client.query('insert into bench.seed_marker values ($1, $2, $3, $4, $5)', [
      SEED_VERSION,
      await shippedMigrations(),
      bigOrgId,
      today,
      seconds,
    ]);
  } finally {
    await client.end();
  }
}

/** Lifecycle templates with their stored dates, computed in Node by the term engine, as a temp table. */
async function loadTemplates(client: pg.Client, today: string) {
  const templates = lifecycleTemplates(TEMPLATES, today).map((t, n) => ({ n, ...t }));
  await client.query(`create temp table bench_lifecycles (n int primary key, lifecycle jsonb,
    notice_deadline date, earliest_end_date date, ends_on date, current_term_end date, renewal_count int, phase text)`);
  await client.query(
    'insert into bench_lifecycles select * from json_populate_recordset(null::bench_lifecycles, $1::json)',
    [JSON.stringify(templates)],
  );
}

async function createOrg(client: pg.Client, name: string): Promise<string> {
  const { rows } = await client.query('insert into orgs (id, name) values (gen_random_uuid(), $1) returning id', [
    name,
  ]);
  const orgId = rows[0].id as string;
  await client.query(
    `insert into business_units (org_id, id, name, is_default) values ($1, gen_random_uuid(), 'Headquarters', true)`,
    [orgId],
  );
  return orgId;
}

async function seedOrg(
  client: pg.Client,
  orgId: string,
  index: number,
  ownerId: string | null,
  today: string,
  size: SeedSize,
) {
  for (const [table, names] of [
    ['business_units', UNITS],
    ['categories', CATEGORIES],
    ['org_units', ORG_UNITS],
  ] as const) {
    await client.query(`insert into ${table} (org_id, id, name) select $1, gen_random_uuid(), unnest($2::text[])`, [
      orgId,
      names,
    ]);
  }
  await client.query(
    `insert into custom_fields (org_id, id, entity, key, label, type, options, position) values
      ($1, gen_random_uuid(), 'contract', 'region', 'Region', 'dropdown', $2::jsonb, 0),
      ($1, gen_random_uuid(), 'contract', 'contract_value', 'Contract value', 'number', '[]', 1),
      ($1, gen_random_uuid(), 'contract', 'review_date', 'Review date', 'date', '[]', 2),
      ($1, gen_random_uuid(), 'contract', 'cost_centre', 'Cost centre', 'text', '[]', 3)`,
    [orgId, JSON.stringify(REGIONS)],
  );
  await client.query(
    `insert into partners (org_id, id, name, type, created_at, updated_at)
     select $1, gen_random_uuid(), name, (array['supplier','supplier','customer','both'])[1 + floor(random() * 4)::int],
       now() - random() * interval '2000 days', now()
     from unnest($2::text[]) name`,
    [orgId, partnerNames(size.partnersPerOrg, 1000 + index)],
  );
  await client.query(CONTRACTS_SQL, [orgId, size.contractsPerOrg, TEMPLATES, ownerId, today]);
}

const lit = (items: string[]) => `array[${items.map((s) => `'${s.replace(/'/g, "''")}'`).join(',')}]`;

/**
 * 100,000 contracts of one org. Partners are skewed (a few big suppliers, a long tail), regions
 * too; lifecycles come from the templates by a hash of the row number.
 */
const CONTRACTS_SQL = `
with ref as (select
  (select array_agg(id order by name) from partners where org_id = $1) as partners,
  (select array_agg(id order by is_default desc, name) from business_units where org_id = $1) as units,
  (select array_agg(id order by name) from categories where org_id = $1) as cats,
  (select array_agg(id order by name) from org_units where org_id = $1) as ous)
insert into contracts (org_id, id, title, status, contract_number, business_unit_id, partner_id, owner_id,
  category_id, org_unit_id, description, tags, custom, lifecycle, notice_deadline, earliest_end_date, ends_on,
  current_term_end, renewal_count, phase, computed_on, created_at, updated_at, deleted_at)
select $1, gen_random_uuid(),
  (${lit(TITLES)})[1 + floor(random() * ${TITLES.length})::int] || ' ' || (${lit(CITIES)})[1 + floor(random() * ${CITIES.length})::int],
  case when s < 0.62 then 'active' when s < 0.72 then 'draft' when s < 0.77 then 'in_negotiation'
       when s < 0.90 then 'terminated' else 'archived' end,
  'C-' || to_char(i, 'FM000000'),
  ref.units[1 + floor(random() * array_length(ref.units, 1))::int],
  case when random() < 0.97 then ref.partners[1 + floor(power(random(), 2) * array_length(ref.partners, 1))::int] end,
  case when random() < 0.7 then $4::uuid end,
  case when random() < 0.9 then ref.cats[1 + floor(random() * array_length(ref.cats, 1))::int] end,
  case when random() < 0.6 then ref.ous[1 + floor(random() * array_length(ref.ous, 1))::int] end,
  case when random() < 0.5 then 'Scope, prices and service levels as agreed; see annex ' || (i % 97) end,
  case when random() < 0.35 then '{}'::text[]
       else array(select distinct t from unnest(array[(${lit(TAGS)})[1 + floor(random() * ${TAGS.length})::int],
         case when random() < 0.4 then (${lit(TAGS)})[1 + floor(random() * ${TAGS.length})::int] end]) t
         -- g.i correlates the sub-select, so it is evaluated per row and not once as an init plan.
         where t is not null and g.i > 0) end,
  jsonb_strip_nulls(jsonb_build_object(
    'region', case when random() < 0.85 then (${lit(REGIONS)})[1 + floor(power(random(), 1.3) * ${REGIONS.length})::int] end,
    'contract_value', case when random() < 0.7 then round((random() * 250000)::numeric, 2) end,
    'review_date', case when random() < 0.5 then to_char(date '2024-01-01' + floor(random() * 1500)::int, 'YYYY-MM-DD') end,
    'cost_centre', case when random() < 0.6 then 'CC-' || (1000 + floor(random() * 400))::int end)),
  t.lifecycle, t.notice_deadline, t.earliest_end_date, t.ends_on, t.current_term_end, t.renewal_count, t.phase,
  $5::date, created, created + random() * (now() - created),
  case when random() < 0.005 then now() - random() * interval '20 days' end
from (select i, random() as s, now() - random() * interval '3000 days' as created from generate_series(1, $2) i) g
cross join ref
join bench_lifecycles t on t.n = (g.i * 7919) % $3`;

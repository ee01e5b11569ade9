import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUpOrg } from '../test/api.js';
import { type Harness, startHarness } from '../test/harness.js';
import { rowsOf } from './client.js';
import { businessUnits } from './schema/index.js';
import { withClaims } from './tx.js';

let h: Harness;
let orgA: string;
let orgB: string;
beforeAll(async () => {
  h = await startHarness();
  orgA = (await signUpOrg(h, 'Org A')).me.org.id;
  orgB = (await signUpOrg(h, 'Org B')).me.org.id;
});
afterAll(() => h.close());

/** Drizzle wraps the database's error; the reason is in its cause. */
async function dbRefusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? error);
  }
  throw new Error('the database accepted the statement');
}

describe('row-level security', () => {
  it('(a) a query with no org filter sees only the current org rows', async () => {
    const seen = await withClaims(h.database.db, { orgId: orgA }, (tx) => tx.select().from(businessUnits));
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen.map((r) => r.orgId))).toEqual(new Set([orgA]));
    const none = await withClaims(h.database.db, {}, (tx) => tx.select().from(businessUnits));
    expect(none).toEqual([]);
  });

  it('(b) a write into another org is refused by the database', async () => {
    const write = withClaims(h.database.db, { orgId: orgA }, (tx) =>
      tx.insert(businessUnits).values({ orgId: orgB, id: randomUUID(), name: 'Smuggled' }),
    );
    expect(await dbRefusal(write)).toMatch(/row-level security/);
    const moved = await withClaims(h.database.db, { orgId: orgA }, (tx) =>
      tx.execute(sql`update business_units set name = 'Hijacked' where org_id = ${orgB} returning id`),
    );
    expect(rowsOf(moved)).toEqual([]);
    const bUnits = await withClaims(h.database.db, { orgId: orgB }, (tx) => tx.select().from(businessUnits));
    expect(bUnits.map((u) => u.name)).not.toContain('Hijacked');
  });

  it('(c) every table in the public schema has row-level security enabled, forced, and a policy', async () => {
    const tables = await withClaims(h.database.db, {}, (tx) =>
      tx.execute(sql`
        select c.relname as name, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
               exists (select 1 from pg_policies p where p.schemaname = 'public' and p.tablename = c.relname) as has_policy,
               exists (select 1 from information_schema.columns col where col.table_schema = 'public'
                       and col.table_name = c.relname and col.column_name = 'org_id') as has_org_id
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r'`),
    );
    const list = rowsOf<{ name: string; enabled: boolean; forced: boolean; has_policy: boolean; has_org_id: boolean }>(
      tables,
    );
    expect(list.length).toBeGreaterThanOrEqual(12);
    const unprotected = list.filter((t) => !t.enabled || !t.forced || !t.has_policy).map((t) => t.name);
    expect(unprotected).toEqual([]);
    expect(list.filter((t) => t.has_org_id).length).toBeGreaterThanOrEqual(9);
  });

  it('(d) the app role cannot UPDATE or DELETE activity-log rows', async () => {
    const tamper = (statement: ReturnType<typeof sql>) =>
      withClaims(h.database.db, { orgId: orgA }, (tx) => tx.execute(statement));
    expect(await dbRefusal(tamper(sql`update audit_events set action = 'forged' where org_id = ${orgA}`))).toMatch(
      /permission denied/,
    );
    expect(await dbRefusal(tamper(sql`delete from audit_events where org_id = ${orgA}`))).toMatch(/permission denied/);
    expect(await dbRefusal(tamper(sql`truncate audit_events`))).toMatch(/permission denied/);
  });

  it('runs requests as a role that cannot bypass row-level security', async () => {
    const role = await withClaims(h.database.db, {}, (tx) =>
      tx.execute(
        sql`select current_user as who, rolbypassrls as bypass, rolsuper as super from pg_roles where rolname = current_user`,
      ),
    );
    expect(rowsOf(role)).toEqual([{ who: 'deedbox_app', bypass: false, super: false }]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Actor, type Deps, runInOrg } from '../../platform/context.js';
import { call, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { changePlan } from '../subscriptions/subscriptions.service.js';
import { setLegalHold } from './legal-hold.service.js';
import { deletionReceipts } from './org-deletion.js';
import { runRetention } from './retention.run.js';

let h: Harness;
let deps: Deps;
const OPERATOR: Actor = { type: 'system', name: 'test operator' };
const request = { id: 'test', ip: null, userAgent: null, via: 'cli' as const };
const asOperator = <T>(orgId: string, fn: Parameters<typeof runInOrg<T>>[3]) =>
  runInOrg(deps, { orgId, actor: OPERATOR }, request, fn);

beforeAll(async () => {
  h = await startHarness({ RETENTION_MONTHS: '18' });
  deps = h.app.deps;
});
afterAll(() => h.close());

/** An org whose paid period ends on 2027-01-31 and which cancelled: read-only from then, deleted 18 months later. */
async function cancelledOrg(name: string) {
  const admin = await signUpOrg(h, name);
  const orgId = admin.me!.org.id;
  const periodEnd = new Date('2027-01-31T00:00:00Z');
  await asOperator(orgId, (ctx) => changePlan(ctx, { plan: 'team', status: 'active', periodEnd }));
  await asOperator(orgId, (ctx) => changePlan(ctx, { plan: 'team', status: 'cancelled', periodEnd }));
  return { admin, orgId };
}

describe('the retention run', () => {
  it('deletes cancelled orgs on their deletion date, not before, keeps those under a legal hold, and never an active one', async () => {
    const leaving = await cancelledOrg('Leaving GmbH');
    const held = await cancelledOrg('Held GmbH');
    const active = await signUpOrg(h, 'Staying AG');
    await asOperator(held.orgId, (ctx) => setLegalHold(ctx, 'Tax audit'));
    // Other test files share the database: this run looks at its own three orgs only.
    const orgIds = [leaving.orgId, held.orgId, active.me!.org.id];

    const before = await runRetention(deps, { asOf: new Date('2028-07-30T23:59:00Z'), orgIds });
    expect(before).toMatchObject({ due: [], deleted: 0, resumed: [] });

    const dry = await runRetention(deps, { asOf: new Date('2028-07-31T00:00:00Z'), dryRun: true, orgIds });
    expect(dry.due).toEqual([{ orgId: leaving.orgId, reason: 'retention', dueAt: '2028-07-31T00:00:00.000Z' }]);
    expect(dry.held).toEqual([expect.objectContaining({ orgId: held.orgId, legalHold: 'Tax audit' })]);
    expect(dry.deleted).toBe(0);
    expect((await call(h, leaving.admin, 'GET', '/me')).statusCode).toBe(200);

    const run = await runRetention(deps, { asOf: new Date('2028-07-31T00:00:00Z'), orgIds });
    expect(run.due.map((d) => d.orgId)).toEqual([leaving.orgId]);
    expect(run.deleted).toBe(1);
    expect((await call(h, leaving.admin, 'GET', '/me')).statusCode).toBe(401);
    const receipt = (await deletionReceipts(deps)).find((r) => r.orgId === leaving.orgId);
    expect(receipt?.reason).toBe('retention');

    // The held org and the active one are as they were.
    expect((await call(h, held.admin, 'GET', '/me')).statusCode).toBe(200);
    expect((await call(h, active, 'GET', '/me')).statusCode).toBe(200);

    // Released, the held org goes at the next run.
    await asOperator(held.orgId, (ctx) => setLegalHold(ctx, null));
    const next = await runRetention(deps, { asOf: new Date('2028-08-01T00:00:00Z'), orgIds });
    expect(next.due.map((d) => d.orgId)).toEqual([held.orgId]);
    expect((await call(h, held.admin, 'GET', '/me')).statusCode).toBe(401);
  });
});

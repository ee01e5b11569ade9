import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { contractRow, newContract, setContract } from './contracts.fixtures.js';
import { purge, refresh } from './contracts.jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const DAY = 86_400_000;

describe('contract history and hierarchy', () => {
  it('shows a contract its own history, newest first, to anyone who reads it', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const { id } = await newContract(h, admin, { title: 'V1' });
    await newContract(h, admin, { title: 'Other' });
    await call(h, admin, 'PATCH', `/contracts/${id}`, { title: 'V2' });
    await call(h, admin, 'PATCH', `/contracts/${id}`, { title: 'V3' });
    const first = (await call(h, admin, 'GET', `/contracts/${id}/history?limit=2`)).json();
    expect(first.items.map((e: { action: string }) => e.action)).toEqual(['contract.updated', 'contract.updated']);
    expect(first.items[0].changes.title).toEqual({ before: 'V2', after: 'V3' });
    expect(first.items[0].ip).not.toBeNull();
    const rest = (await call(h, admin, 'GET', `/contracts/${id}/history?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest.items.map((e: { action: string }) => e.action)).toEqual(['contract.created']);
    expect(rest.nextCursor).toBeNull();
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const seen = (await call(h, viewer, 'GET', `/contracts/${id}/history`)).json();
    expect(seen.items).toHaveLength(3);
    expect(seen.items[0]).toMatchObject({ ip: null, userAgent: null, actor: { name: 'Ada Admin' } });
    expectProblem(await call(h, null, 'GET', `/contracts/${id}/history`), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'GET', `/contracts/${id}/history`), 404, 'not_found');
    const outsider = await addMember(h, admin, { roles: {} });
    expectProblem(await call(h, outsider, 'GET', `/contracts/${id}/history`), 404, 'not_found');
    expectProblem(await call(h, admin, 'GET', `/contracts/${id}/history?cursor=nonsense`), 422, 'validation_failed');
  });

  it('returns the whole tree from its root, hiding contracts in units the caller cannot see', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const root = await newContract(h, admin, { title: 'Framework', contractNumber: 'F-1' });
    const child = await newContract(h, admin, { title: 'Call-off', masterId: root.id });
    const hidden = await newContract(h, admin, { title: 'Sales deal', masterId: root.id, businessUnitId: sales });
    const grandchild = await newContract(h, admin, { title: 'Amendment', masterId: child.id });
    await newContract(h, admin, { title: 'Unrelated' });
    const all = (await call(h, admin, 'GET', `/contracts/${grandchild.id}/hierarchy`)).json();
    expect(all.rootId).toBe(root.id);
    expect(all.nodes).toHaveLength(4);
    expect(all.nodes[0]).toEqual({
      id: root.id,
      visible: true,
      title: 'Framework',
      contractNumber: 'F-1',
      status: 'draft',
      masterId: null,
      depth: 0,
    });
    const depthOf = Object.fromEntries(all.nodes.map((n: { id: string; depth: number }) => [n.id, n.depth]));
    expect(depthOf).toEqual({ [root.id]: 0, [child.id]: 1, [hidden.id]: 1, [grandchild.id]: 2 });
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const limited = (await call(h, viewer, 'GET', `/contracts/${child.id}/hierarchy`)).json();
    expect(limited.nodes.find((n: { id: string }) => n.id === hidden.id)).toEqual({
      id: hidden.id,
      visible: false,
      title: null,
      contractNumber: null,
      status: null,
      masterId: root.id,
      depth: 1,
    });
    expectProblem(await call(h, viewer, 'GET', `/contracts/${hidden.id}/hierarchy`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'GET', `/contracts/${root.id}/hierarchy`), 404, 'not_found');
    expectProblem(await call(h, null, 'GET', `/contracts/${root.id}/hierarchy`), 401, 'unauthenticated');
  });
});

describe('recycle bin and jobs', () => {
  it('lists deleted contracts for administrators and restores them', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const kept = await newContract(h, admin, { title: 'Kept', contractNumber: 'N-1' });
    const old = await newContract(h, admin, { title: 'Old' });
    await call(h, admin, 'DELETE', `/contracts/${kept.id}`);
    await call(h, admin, 'DELETE', `/contracts/${old.id}`);
    await setContract(h, admin, old.id, { deletedAt: new Date(Date.now() - 40 * DAY) });
    const bin = (await call(h, admin, 'GET', '/contracts/recycle-bin')).json();
    expect(bin.items).toHaveLength(1);
    expect(bin.items[0]).toMatchObject({ id: kept.id, title: 'Kept', contractNumber: 'N-1' });
    const deletedAt = new Date(bin.items[0].deletedAt).getTime();
    expect(bin.items[0].purgeOn).toBe(new Date(deletedAt + 30 * DAY).toISOString().slice(0, 10));
    expectProblem(await call(h, editor, 'GET', '/contracts/recycle-bin'), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/contracts/recycle-bin'), 401, 'unauthenticated');
    expect((await call(h, stranger, 'GET', '/contracts/recycle-bin')).json().items).toEqual([]);

    expectProblem(await call(h, editor, 'POST', `/contracts/${kept.id}/restore`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'POST', `/contracts/${kept.id}/restore`), 404, 'not_found');
    const taken = await newContract(h, admin, { title: 'Usurper', contractNumber: 'n-1' });
    expectProblem(await call(h, admin, 'POST', `/contracts/${kept.id}/restore`), 409, 'conflict');
    await call(h, admin, 'PATCH', `/contracts/${taken.id}`, { contractNumber: 'N-2' });
    const restored = await call(h, admin, 'POST', `/contracts/${kept.id}/restore`);
    expect(restored.statusCode).toBe(200);
    expect(restored.json()).toMatchObject({ id: kept.id, title: 'Kept' });
    expect((await call(h, admin, 'GET', `/contracts/${kept.id}`)).statusCode).toBe(200);
    expectProblem(await call(h, admin, 'POST', `/contracts/${kept.id}/restore`), 404, 'not_found');
    expect((await auditEvents(h, admin, '&action=contract.restored'))[0]).toMatchObject({ objectId: kept.id });
  });

  it('purges contracts deleted more than 30 days ago, freeing their children and billing lines', async () => {
    const admin = await signUpOrg(h);
    const master = await newContract(h, admin, { title: 'Master' });
    const child = await newContract(h, admin, { title: 'Child', masterId: master.id });
    const recent = await newContract(h, admin, { title: 'Recent' });
    const line = { kind: 'cost', frequency: 'monthly', amount: '10.00', currency: 'EUR', firstBillingOn: '2090-01-01' };
    expect((await call(h, admin, 'POST', `/contracts/${master.id}/billing-lines`, line)).statusCode).toBe(201);
    await call(h, admin, 'DELETE', `/contracts/${master.id}`);
    await call(h, admin, 'DELETE', `/contracts/${recent.id}`);
    await setContract(h, admin, master.id, { deletedAt: new Date(Date.now() - 31 * DAY) });
    const orgId = admin.me!.org.id;
    const result = await purge(h.app.deps, { orgId });
    expect(result).toMatchObject({ orgs: 1, purged: 1 });
    expect(await contractRow(h, admin, master.id)).toBeNull();
    expect((await contractRow(h, admin, child.id))?.masterId).toBeNull();
    expect(await contractRow(h, admin, recent.id)).not.toBeNull();
    const event = (await auditEvents(h, admin, '&action=contract.purged'))[0]!;
    expect(event).toMatchObject({ objectId: master.id, actor: { type: 'system' } });
    expect((await purge(h.app.deps, { orgId })).purged).toBe(0);
  });

  it("refreshes stored dates computed before the org's today", async () => {
    const admin = await signUpOrg(h);
    const lifecycle = {
      type: 'auto_renewal',
      startDate: '2020-01-01',
      endDate: '2020-12-31',
      renewalTerm: 'P1Y',
      noticePeriod: 'P3M',
    };
    const { id } = await newContract(h, admin, { lifecycle });
    const fresh = await contractRow(h, admin, id);
    await setContract(h, admin, id, { computedOn: '2021-06-01', noticeDeadline: '2021-09-30', renewalCount: 0 });
    const result = await refresh(h.app.deps, { orgId: admin.me!.org.id });
    expect(result).toMatchObject({ orgs: 1, refreshed: 1 });
    const after = await contractRow(h, admin, id);
    expect(after).toMatchObject({
      computedOn: fresh!.computedOn,
      noticeDeadline: fresh!.noticeDeadline,
      renewalCount: fresh!.renewalCount,
      updatedAt: fresh!.updatedAt,
    });
    expect((await refresh(h.app.deps, { orgId: admin.me!.org.id })).refreshed).toBe(0);
  });
});

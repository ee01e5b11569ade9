import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessEntry, ContractAccess } from '../../../common/schemas/access.js';
import { addMember, type Caller, call, defaultUnit, expectProblem, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const accessOf = async (who: Caller, contractId: string) => {
  const res = await call(h, who, 'GET', `/contracts/${contractId}/access`);
  expect(res.statusCode).toBe(200);
  return res.json() as ContractAccess;
};

/** An org with every kind of access to a contract in its "Sales" unit. */
async function world() {
  const admin = await signUpOrg(h, 'Access Co');
  const general = defaultUnit(admin);
  const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
  const salesEditor = await addMember(h, admin, { name: 'Erin Editor', roles: { [sales]: 'editor' } });
  const salesViewer = await addMember(h, admin, {
    name: 'Vera Viewer',
    roles: { [sales]: 'viewer', [general]: 'editor' },
  });
  const generalOnly = await addMember(h, admin, { name: 'Gus General', roles: { [general]: 'editor' } });
  const secondAdmin = await addMember(h, admin, { name: 'Ann Admin', isAdmin: true });
  const locked = await addMember(h, admin, { name: 'Lou Locked', roles: { [sales]: 'editor' } });
  expect((await call(h, admin, 'POST', `/users/${locked.id}/lock`)).statusCode).toBe(200);
  const invitedEmail = uniqueEmail('invited');
  const invited = await call(h, admin, 'POST', '/users/invitations', {
    email: invitedEmail,
    name: 'Ivy Invited',
    roles: { [sales]: 'editor' },
  });
  expect(invited.statusCode).toBe(201);
  const key = async (name: string, role: string, businessUnitIds: string[] | null = null) => {
    const res = await call(h, admin, 'POST', '/api-keys', { name, role, businessUnitIds });
    expect(res.statusCode).toBe(201);
    const { apiKey, token } = res.json() as { apiKey: { id: string }; token: string };
    return { id: apiKey.id, caller: { bearer: token } as Caller };
  };
  const keys = {
    admin: await key('Key admin', 'administrator'),
    allEditor: await key('Key editor everywhere', 'editor'),
    salesViewer: await key('Key viewer of Sales', 'viewer', [sales]),
    generalEditor: await key('Key editor of General', 'editor', [general]),
    revoked: await key('Key revoked', 'editor'),
  };
  expect((await call(h, admin, 'DELETE', `/api-keys/${keys.revoked.id}`)).statusCode).toBe(204);
  const contract = await newContract(h, admin, { title: 'Sales deal', businessUnitId: sales });
  return {
    admin,
    sales,
    contract,
    members: { salesEditor, salesViewer, generalOnly, secondAdmin, locked },
    invitedId: (invited.json() as { id: string }).id,
    keys,
  };
}

describe('GET /contracts/{id}/access', () => {
  it('lists every member and live API key with what they may do and why, and who cannot', async () => {
    const w = await world();
    const access = await accessOf(w.admin, w.contract.id);
    expect(access).toMatchObject({ contractId: w.contract.id, businessUnit: { id: w.sales, name: 'Sales' } });
    expect(access.complete).toBe(true);
    const brief = (e: AccessEntry) => [e.kind, e.name, e.access, e.reason, e.role, e.scope];
    expect(access.entries.map(brief)).toEqual([
      ['member', 'Ada Admin', 'edit', 'administrator', null, null],
      ['member', 'Ann Admin', 'edit', 'administrator', null, null],
      ['member', 'Erin Editor', 'edit', 'unit_role', 'editor', null],
      ['api_key', 'Key admin', 'edit', 'administrator', null, null],
      ['api_key', 'Key editor everywhere', 'edit', 'unit_role', 'editor', 'all_units'],
      ['member', 'Vera Viewer', 'read', 'unit_role', 'viewer', null],
      ['api_key', 'Key viewer of Sales', 'read', 'unit_role', 'viewer', 'listed_units'],
      ['member', 'Gus General', 'none', 'no_role', null, null],
      ['member', 'Ivy Invited', 'none', 'invited', null, null],
      ['member', 'Lou Locked', 'none', 'locked', null, null],
      ['api_key', 'Key editor of General', 'none', 'no_role', null, 'listed_units'],
    ]);
    expect(access.entries.find((e) => e.id === w.invitedId)?.kind).toBe('member');
    expect(access.entries.some((e) => e.id === w.keys.revoked.id)).toBe(false);
    expect(access.entries.find((e) => e.name === 'Erin Editor')?.email).toBe(w.members.salesEditor.email);
  });

  it('says exactly what the contract routes then allow each of them (one rule decides both)', async () => {
    const w = await world();
    const { entries } = await accessOf(w.admin, w.contract.id);
    const callers: [string, Caller][] = [
      ...Object.values(w.members).map((m) => [m.id, m] as [string, Caller]),
      ...Object.values(w.keys).map((k) => [k.id, k.caller] as [string, Caller]),
    ];
    for (const [id, caller] of callers) {
      const entry = entries.find((e) => e.id === id);
      const res = await call(h, caller, 'GET', `/contracts/${w.contract.id}`);
      if (!entry || entry.access === 'none') {
        // Locked members and revoked keys no longer get in at all; the others are told "not found".
        expect([401, 404], id).toContain(res.statusCode);
        continue;
      }
      expect([id, res.statusCode]).toEqual([id, 200]);
      expect([id, res.json().abilities.edit]).toEqual([id, entry.access === 'edit']);
    }
  });

  it('shows anyone else who may read the contract their own access only, and hides it from the rest', async () => {
    const w = await world();
    const mine = await accessOf(w.members.salesViewer, w.contract.id);
    expect(mine.complete).toBe(false);
    expect(mine.entries).toEqual([
      {
        kind: 'member',
        id: w.members.salesViewer.id,
        name: 'Vera Viewer',
        email: w.members.salesViewer.email,
        access: 'read',
        reason: 'unit_role',
        role: 'viewer',
        scope: null,
      },
    ]);
    const keyView = await accessOf(w.keys.salesViewer.caller, w.contract.id);
    expect(keyView.entries.map((e) => [e.kind, e.id, e.access])).toEqual([['api_key', w.keys.salesViewer.id, 'read']]);
    expectProblem(await call(h, w.members.generalOnly, 'GET', `/contracts/${w.contract.id}/access`), 404, 'not_found');
    expectProblem(
      await call(h, w.keys.generalEditor.caller, 'GET', `/contracts/${w.contract.id}/access`),
      404,
      'not_found',
    );
  });

  it('answers 401 without a session, 404 for another account and 422 for a malformed id', async () => {
    const w = await world();
    const stranger = await signUpOrg(h, 'Stranger Co');
    expectProblem(await call(h, null, 'GET', `/contracts/${w.contract.id}/access`), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'GET', `/contracts/${w.contract.id}/access`), 404, 'not_found');
    const bad = expectProblem(await call(h, w.admin, 'GET', '/contracts/not-a-uuid/access'), 422, 'validation_failed');
    expect(bad.errors?.[0]?.field).toBe('id');
  });

  it('follows a change of roles at once', async () => {
    const w = await world();
    const general = defaultUnit(w.admin);
    const gus = w.members.generalOnly;
    const put = await call(h, w.admin, 'PUT', `/users/${gus.id}/roles`, {
      isAdmin: false,
      roles: { [general]: 'editor', [w.sales]: 'viewer' },
    });
    expect(put.statusCode).toBe(200);
    const entry = (await accessOf(w.admin, w.contract.id)).entries.find((e) => e.id === gus.id);
    expect(entry).toMatchObject({ access: 'read', reason: 'unit_role', role: 'viewer' });
    expect((await call(h, gus, 'GET', `/contracts/${w.contract.id}`)).statusCode).toBe(200);
  });
});

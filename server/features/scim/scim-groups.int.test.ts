import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import {
  entraCreateUser,
  entraGroup,
  entraPatch,
  expectScimError,
  oktaCreateUser,
  oktaGroup,
  PATCH_OP,
  scim,
} from './scim.test-kit.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

async function setUp() {
  const admin = await signUpOrg(h);
  const token = (await call(h, admin, 'POST', '/settings/scim/token')).json().secret as string;
  const unit = defaultUnit(admin);
  const unit2 = (await call(h, admin, 'POST', '/business-units', { name: 'Purchasing' })).json().id as string;
  return { admin, token, unit, unit2 };
}

async function rolesOf(admin: Caller, userId: string): Promise<Record<string, string>> {
  const members = (await call(h, admin, 'GET', '/users')).json().items as {
    id: string;
    roles: Record<string, string>;
  }[];
  return members.find((m) => m.id === userId)!.roles;
}

const mapping = (admin: Caller, groupId: string, body: unknown) =>
  call(h, admin, 'PUT', `/settings/scim/groups/${groupId}/mapping`, body);

describe('SCIM Groups', () => {
  it("Okta's group push: members of a mapped group get its role, and lose it with the group", async () => {
    const { admin, token, unit } = await setUp();
    const a = (await scim(h, token, 'POST', '/Users', oktaCreateUser(uniqueEmail('a')))).json();
    const b = (await scim(h, token, 'POST', '/Users', oktaCreateUser(uniqueEmail('b')))).json();
    const created = await scim(h, token, 'POST', '/Groups', oktaGroup('Legal', [{ value: a.id, display: a.userName }]));
    expect(created.statusCode).toBe(201);
    const group = created.json();
    expect(group).toMatchObject({ displayName: 'Legal', members: [{ value: a.id }], meta: { resourceType: 'Group' } });
    expect(created.headers.location).toBe(group.meta.location);

    const mapped = await mapping(admin, group.id, { businessUnitId: unit, role: 'editor' });
    expect(mapped.json()).toMatchObject({ id: group.id, displayName: 'Legal', memberCount: 1, role: 'editor' });
    expect(await rolesOf(admin, a.id)).toEqual({ [unit]: 'editor' });
    expect(await rolesOf(admin, b.id)).toEqual({});

    // Okta replaces the member list.
    const replaced = await scim(h, token, 'PATCH', `/Groups/${group.id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: 'replace', value: { id: group.id, displayName: 'Legal' } },
        { op: 'replace', path: 'members', value: [{ value: b.id, display: b.userName }] },
      ],
    });
    expect(replaced.json().members.map((m: { value: string }) => m.value)).toEqual([b.id]);
    expect(await rolesOf(admin, a.id)).toEqual({});
    expect(await rolesOf(admin, b.id)).toEqual({ [unit]: 'editor' });
    const event = (await auditEvents(h, admin, `&action=user.roles_changed&objectId=${b.id}`))[0]!;
    expect(event.actor.name).toBe('SCIM');

    // Unmapping takes the role away; the mapping is logged.
    await mapping(admin, group.id, { businessUnitId: null, role: null });
    expect(await rolesOf(admin, b.id)).toEqual({});
    const logged = (await auditEvents(h, admin, '&action=scim.group_mapped')).map((e) => e.changes.role);
    expect(logged).toEqual([
      { before: 'editor', after: null },
      { before: null, after: 'editor' },
    ]);
  });

  it("Entra ID's add and remove of members, lookups by displayName and without members", async () => {
    const { admin, token, unit } = await setUp();
    const user = (await scim(h, token, 'POST', '/Users', entraCreateUser(uniqueEmail('e'), 'oid-3'))).json();
    const group = (await scim(h, token, 'POST', '/Groups', entraGroup('Contract Managers'))).json();
    await mapping(admin, group.id, { businessUnitId: unit, role: 'viewer' });
    const found = await scim(
      h,
      token,
      'GET',
      `/Groups?excludedAttributes=members&filter=${encodeURIComponent('displayName eq "contract managers"')}`,
    );
    expect(found.json()).toMatchObject({ totalResults: 1, Resources: [{ id: group.id }] });
    expect(found.json().Resources[0].members).toBeUndefined();

    const added = await scim(
      h,
      token,
      'PATCH',
      `/Groups/${group.id}`,
      entraPatch([{ op: 'Add', path: 'members', value: [{ value: user.id }] }]),
    );
    expect(added.statusCode).toBe(200);
    expect(await rolesOf(admin, user.id)).toEqual({ [unit]: 'viewer' });
    const member = await scim(
      h,
      token,
      'GET',
      `/Groups?filter=${encodeURIComponent(`id eq "${group.id}" and members[value eq "${user.id}"]`)}&excludedAttributes=members`,
    );
    expect(member.json().totalResults).toBe(1);
    const stranger = `id eq "${group.id}" and members[value eq "${randomUUID()}"]`;
    expect((await scim(h, token, 'GET', `/Groups?filter=${encodeURIComponent(stranger)}`)).json().totalResults).toBe(0);

    await scim(
      h,
      token,
      'PATCH',
      `/Groups/${group.id}`,
      entraPatch([{ op: 'Remove', path: `members[value eq "${user.id}"]` }]),
    );
    expect(await rolesOf(admin, user.id)).toEqual({});
    expect((await scim(h, token, 'GET', `/Groups/${group.id}`)).json().members).toEqual([]);
  });

  it('leaves roles granted by hand alone, and a deleted group takes only the roles it granted', async () => {
    const { admin, token, unit, unit2 } = await setUp();
    const user = (await scim(h, token, 'POST', '/Users', oktaCreateUser(uniqueEmail('mixed')))).json();
    // By hand first: viewer in unit 2.
    await call(h, admin, 'PUT', `/users/${user.id}/roles`, { isAdmin: false, roles: { [unit2]: 'viewer' } });
    const group = (
      await scim(h, token, 'POST', '/Groups', oktaGroup('Both units', [{ value: user.id, display: '' }]))
    ).json();
    await mapping(admin, group.id, { businessUnitId: unit2, role: 'editor' });
    // The hand-made role in unit 2 wins over the group's.
    expect(await rolesOf(admin, user.id)).toEqual({ [unit2]: 'viewer' });
    await mapping(admin, group.id, { businessUnitId: unit, role: 'editor' });
    expect(await rolesOf(admin, user.id)).toEqual({ [unit2]: 'viewer', [unit]: 'editor' });
    // Saving the roles by hand unchanged keeps the group's role the group's.
    await call(h, admin, 'PUT', `/users/${user.id}/roles`, {
      isAdmin: false,
      roles: { [unit2]: 'viewer', [unit]: 'editor' },
    });
    expect((await scim(h, token, 'DELETE', `/Groups/${group.id}`)).statusCode).toBe(204);
    expect(await rolesOf(admin, user.id)).toEqual({ [unit2]: 'viewer' });
    expectScimError(await scim(h, token, 'GET', `/Groups/${group.id}`), 404);
    const actions = (await auditEvents(h, admin, '&objectType=scim_group')).map((e) => e.action);
    expect(actions).toEqual(['scim.group_deleted', 'scim.group_mapped', 'scim.group_mapped', 'scim.group_created']);
  });

  it('refuses bad groups and operations, and groups of another account', async () => {
    const { token } = await setUp();
    const other = await setUp();
    const group = (await scim(h, token, 'POST', '/Groups', entraGroup('Finance'))).json();
    expectScimError(await scim(h, token, 'POST', '/Groups', entraGroup('finance')), 409, 'uniqueness');
    expectScimError(
      await scim(h, token, 'POST', '/Groups', { ...entraGroup(''), displayName: '' }),
      400,
      'invalidValue',
    );
    const foreignUser = (await scim(h, other.token, 'POST', '/Users', oktaCreateUser(uniqueEmail('f')))).json();
    expectScimError(
      await scim(
        h,
        token,
        'PATCH',
        `/Groups/${group.id}`,
        entraPatch([{ op: 'add', path: 'members', value: [{ value: foreignUser.id }] }]),
      ),
      400,
      'invalidValue',
    );
    expectScimError(
      await scim(h, token, 'PATCH', `/Groups/${group.id}`, entraPatch([{ op: 'replace', path: 'owner', value: 'x' }])),
      400,
      'invalidPath',
    );
    expectScimError(
      await scim(h, token, 'GET', `/Groups?filter=${encodeURIComponent('displayName sw "F"')}`),
      400,
      'invalidFilter',
    );
    expectScimError(await scim(h, other.token, 'GET', `/Groups/${group.id}`), 404);
    expectScimError(await scim(h, other.token, 'DELETE', `/Groups/${group.id}`), 404);
    expect((await scim(h, token, 'GET', `/Groups/${group.id}`)).statusCode).toBe(200);
  });
});

describe('group mapping (administrators)', () => {
  it('lists groups, refuses bad input, other accounts, other roles and no session', async () => {
    const { admin, token, unit } = await setUp();
    const group = (await scim(h, token, 'POST', '/Groups', entraGroup('Readers'))).json();
    const list = (await call(h, admin, 'GET', '/settings/scim/groups')).json();
    expect(list.items).toEqual([
      { id: group.id, displayName: 'Readers', memberCount: 0, businessUnitId: null, role: null },
    ]);

    const half = expectProblem(
      await mapping(admin, group.id, { businessUnitId: unit, role: null }),
      422,
      'validation_failed',
    );
    expect(half.errors?.[0]).toMatchObject({ field: 'role', rule: 'mapping_incomplete' });
    const stranger = await setUp();
    const foreignUnit = expectProblem(
      await mapping(admin, group.id, { businessUnitId: stranger.unit, role: 'viewer' }),
      422,
      'validation_failed',
    );
    expect(foreignUnit.errors?.[0]).toMatchObject({ field: 'businessUnitId', rule: 'unknown_business_unit' });
    expectProblem(
      await mapping(stranger.admin, group.id, { businessUnitId: stranger.unit, role: 'viewer' }),
      404,
      'not_found',
    );
    const editor = await addMember(h, admin, { roles: { [unit]: 'editor' } });
    expectProblem(await mapping(editor, group.id, { businessUnitId: unit, role: 'viewer' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'GET', '/settings/scim/groups'), 403, 'forbidden');
    expectProblem(
      await mapping(null as unknown as Caller, group.id, { businessUnitId: unit, role: 'viewer' }),
      401,
      'unauthenticated',
    );
    expect((await auditEvents(h, admin, '&action=scim.group_mapped')).length).toBe(0);
  });
});

describe('SCIM in the activity log', () => {
  it('names the group and the people an entry mentions, with SCIM as the actor', async () => {
    const { admin, token } = await setUp();
    const user = (await scim(h, token, 'POST', '/Users', oktaCreateUser(uniqueEmail('named')))).json();
    const group = (
      await scim(h, token, 'POST', '/Groups', oktaGroup('Auditors', [{ value: user.id, display: '' }]))
    ).json();
    await scim(h, token, 'DELETE', `/Groups/${group.id}`);
    const [deleted, created] = await auditEvents(h, admin, '&objectType=scim_group');
    expect(deleted).toMatchObject({ action: 'scim.group_deleted', objectName: 'Auditors', actor: { name: 'SCIM' } });
    expect(created!.names[user.id]).toBe('Otto Okta');
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  auditEvents,
  call,
  confirmSignUp,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { linkIn } from '../../test/smtp-sink.js';
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('invitations', () => {
  it('invites by e-mail; the invitee sets a password from the link and is signed in with the given role', async () => {
    const admin = await signUpOrg(h, 'Invite Co');
    const unit = defaultUnit(admin);
    const email = uniqueEmail('invitee');
    const invited = await call(h, admin, 'POST', '/users/invitations', { email, roles: { [unit]: 'editor' } });
    expect(invited.statusCode).toBe(201);
    expect(invited.json()).toMatchObject({ email, status: 'invited', isAdmin: false, roles: { [unit]: 'editor' } });
    const mail = await h.sink.waitFor((m) => m.to.includes(email));
    expect(mail.subject).toBe('You are invited to Invite Co on Deedbox');
    const token = linkIn(mail).split('/invite/')[1]!;
    const shown = await call(h, null, 'GET', `/invitations/${token}`);
    expect(shown.json()).toMatchObject({ orgName: 'Invite Co', email, invitedBy: 'Ada Admin' });
    const weak = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Eve', password: 'short' });
    expect(expectProblem(weak, 422, 'validation_failed').errors?.[0]?.field).toBe('password');
    const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, {
      name: 'Eve Editor',
      password: PASSWORD,
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json()).toMatchObject({
      isAdmin: false,
      roles: [{ businessUnitId: unit, role: 'editor' }],
      user: { name: 'Eve Editor', emailVerified: true },
    });
    expectProblem(await call(h, null, 'GET', `/invitations/${token}`), 404, 'not_found');
    const actions = (await auditEvents(h, admin)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.invited', 'user.invitation_accepted']));
  });

  it("prefills the invitee's name from the invitation only, and starts them in the account's time zone", async () => {
    const admin = await signUpOrg(h, 'Name Co');
    await call(h, admin, 'PATCH', '/settings/reminders', { timeZone: 'America/New_York' });
    const email = uniqueEmail('named');
    const { id } = (await call(h, admin, 'POST', '/users/invitations', { email, name: 'Nina Named' })).json();
    const tokenOf = async (skip: string[] = []) =>
      linkIn(await h.sink.waitFor((m) => m.to.includes(email) && !skip.some((t) => m.text.includes(t)))).split(
        '/invite/',
      )[1]!;
    const first = await tokenOf();
    expect((await call(h, null, 'GET', `/invitations/${first}`)).json()).toMatchObject({ email, name: 'Nina Named' });
    expect((await call(h, admin, 'POST', `/users/${id}/invitation`)).statusCode).toBe(202);
    const resent = await tokenOf([first]);
    expect((await call(h, null, 'GET', `/invitations/${resent}`)).json().name).toBe('Nina Named');
    const accepted = await call(h, null, 'POST', `/invitations/${resent}/accept`, {
      name: 'Nina N.',
      password: PASSWORD,
    });
    expect(accepted.json().user).toMatchObject({ name: 'Nina N.', timeZone: 'America/New_York' });

    // Someone who already uses Deedbox elsewhere: this account learns nothing of their name there.
    const other = { email: uniqueEmail('elsewhere'), name: 'Oscar Otherorg' };
    const signedUp = await call(h, null, 'POST', '/auth/sign-up', {
      ...other,
      password: PASSWORD,
      companyName: 'Other Co',
    });
    expect(signedUp.statusCode).toBe(202);
    await confirmSignUp(h, other.email);
    await call(h, admin, 'POST', '/users/invitations', { email: other.email });
    const mail = await h.sink.waitFor((m) => m.to.includes(other.email) && m.subject.includes('Name Co'));
    const shown = (await call(h, null, 'GET', `/invitations/${linkIn(mail).split('/invite/')[1]!}`)).json();
    expect(shown).toEqual({
      orgName: 'Name Co',
      email: other.email,
      name: null,
      invitedBy: 'Ada Admin',
      expiresAt: shown.expiresAt,
    });
    expect(JSON.stringify(shown)).not.toContain(other.name);
  });

  it('reveals nothing of another account: inviting an existing address answers like an unknown one', async () => {
    const adminA = await signUpOrg(h, 'Inviter Co');
    const adminB = await signUpOrg(h, 'Elsewhere Co');
    const roles = { [defaultUnit(adminA)]: 'viewer' };
    const unknownEmail = uniqueEmail('unknown');
    const unknown = await call(h, adminA, 'POST', '/users/invitations', { email: unknownEmail, roles });
    const existing = await call(h, adminA, 'POST', '/users/invitations', { email: adminB.email, roles });
    expect([unknown.statusCode, existing.statusCode]).toEqual([201, 201]);
    // Each goes by the e-mail's local part; apart from the id and the address itself, the answers are the same.
    const neutral = (body: Record<string, unknown>, email: string) =>
      JSON.parse(JSON.stringify({ ...body, id: 'ID', createdAt: 'T' }).replaceAll(email.split('@')[0]!, 'LOCAL'));
    expect(neutral(existing.json(), adminB.email)).toEqual(neutral(unknown.json(), unknownEmail));
    expect(existing.json().name).toBe(adminB.email.split('@')[0]);
  });

  it("shows a pending invitee by the invitation's name everywhere, whatever they are called elsewhere", async () => {
    const adminA = await signUpOrg(h, 'Inviter Co');
    const adminB = await signUpOrg(h, 'Elsewhere Co');
    const { id } = (
      await call(h, adminA, 'POST', '/users/invitations', { email: adminB.email, name: 'Typed Name' })
    ).json();
    await newContract(h, adminA, { title: 'Pending owner', ownerId: id, backupOwnerId: id });
    const viewsOfA = async () => ({
      users: (await call(h, adminA, 'GET', '/users')).json().items.find((u: { id: string }) => u.id === id).name,
      owners: (await call(h, adminA, 'GET', '/contracts?sort=owner')).json().items[0].names,
      audit: (await auditEvents(h, adminA, '&action=user.invited'))[0]!.subject?.name,
      roles: (await call(h, adminA, 'PUT', `/users/${id}/roles`, { isAdmin: false, roles: {} })).json().name,
    });
    const before = await viewsOfA();
    expect(before).toEqual({
      users: 'Typed Name',
      owners: expect.objectContaining({ owner: 'Typed Name', backupOwner: 'Typed Name' }),
      audit: 'Typed Name',
      roles: 'Typed Name',
    });
    // B's administrator renames themselves: nothing changes in A.
    expect((await call(h, adminB, 'PATCH', '/me', { name: 'Bernd Secret' })).statusCode).toBe(200);
    expect(await viewsOfA()).toEqual(before);
    const everything = JSON.stringify([
      (await call(h, adminA, 'GET', '/users')).json(),
      await auditEvents(h, adminA),
      (await call(h, adminA, 'GET', '/contracts')).json(),
    ]);
    expect(everything).not.toContain('Bernd Secret');
  });

  it('refuses bad input, members already in the org, and unknown business units', async () => {
    const admin = await signUpOrg(h);
    expect(
      expectProblem(await call(h, admin, 'POST', '/users/invitations', { email: 'nope' }), 422, 'validation_failed')
        .errors?.[0]?.field,
    ).toBe('email');
    const dup = await call(h, admin, 'POST', '/users/invitations', { email: admin.email });
    expect(expectProblem(dup, 422, 'validation_failed').errors?.[0]?.rule).toBe('already_member');
    const other = await signUpOrg(h);
    const foreignUnit = await call(h, admin, 'POST', '/users/invitations', {
      email: uniqueEmail(),
      roles: { [defaultUnit(other)]: 'viewer' },
    });
    expect(expectProblem(foreignUnit, 422, 'validation_failed').errors?.[0]?.rule).toBe('unknown_business_unit');
    expect((await call(h, admin, 'GET', '/users')).json().items).toHaveLength(1);
  });

  it('resends an invitation with a new link; only the newest works', async () => {
    const admin = await signUpOrg(h);
    const email = uniqueEmail();
    const { id } = (await call(h, admin, 'POST', '/users/invitations', { email })).json();
    const first = linkIn(await h.sink.waitFor((m) => m.to.includes(email))).split('/invite/')[1]!;
    expect((await call(h, admin, 'POST', `/users/${id}/invitation`)).statusCode).toBe(202);
    await h.sink.waitFor((m) => m.to.includes(email) && !m.text.includes(first));
    expectProblem(await call(h, null, 'GET', `/invitations/${first}`), 404, 'not_found');
  });
});

describe('users and roles', () => {
  it('lists the org members with their roles, paginated by cursor', async () => {
    const admin = await signUpOrg(h);
    await addMember(h, admin, { name: 'Bea' });
    await addMember(h, admin, { name: 'Carl' });
    const first = (await call(h, admin, 'GET', '/users?limit=2')).json();
    expect(first.items.map((u: { name: string }) => u.name)).toEqual(['Ada Admin', 'Bea']);
    const rest = (await call(h, admin, 'GET', `/users?limit=2&cursor=${first.nextCursor}`)).json();
    expect(rest).toEqual({ items: [expect.objectContaining({ name: 'Carl' })], nextCursor: null });
    expectProblem(await call(h, admin, 'GET', '/users?cursor=garbage'), 422, 'validation_failed');
    expectProblem(await call(h, admin, 'GET', '/users?limit=0'), 422, 'validation_failed');
  });

  it('sets roles per business unit and logs before and after', async () => {
    const admin = await signUpOrg(h);
    const unit = defaultUnit(admin);
    const member = await addMember(h, admin, { roles: { [unit]: 'viewer' } });
    const res = await call(h, admin, 'PUT', `/users/${member.id}/roles`, {
      isAdmin: false,
      roles: { [unit]: 'editor' },
    });
    expect(res.json().roles).toEqual({ [unit]: 'editor' });
    expect((await call(h, member, 'GET', '/me')).json().roles).toEqual([expect.objectContaining({ role: 'editor' })]);
    const event = (await auditEvents(h, admin, '&action=user.roles_changed'))[0]!;
    expect(event.changes).toEqual({ roles: { before: { [unit]: 'viewer' }, after: { [unit]: 'editor' } } });
    expect(event.subject?.email).toBe(member.email);
    const bad = await call(h, admin, 'PUT', `/users/${member.id}/roles`, {
      isAdmin: false,
      roles: { [unit]: 'owner' },
    });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe(`roles.${unit}`);
  });

  it('gives each member exactly their own roles, unit by unit', async () => {
    const admin = await signUpOrg(h);
    const general = defaultUnit(admin);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const viewer = await addMember(h, admin, { roles: { [general]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [sales]: 'editor' } });
    const rolesOf = async (who: typeof viewer) =>
      (await call(h, who, 'GET', '/me'))
        .json()
        .roles.map((r: { businessUnitName: string; role: string }) => `${r.businessUnitName}:${r.role}`);
    expect(await rolesOf(viewer)).toEqual(['General:viewer']);
    expect(await rolesOf(editor)).toEqual(['Sales:editor']);
    expect(await rolesOf(admin as typeof viewer)).toEqual(['General:administrator', 'Sales:administrator']);
    // The web offers "New contract" and "New partner" from these, never from roles.
    const repositoryAbilities = async (who: typeof viewer) => {
      const { createContracts, editPartners } = (await call(h, who, 'GET', '/me')).json().abilities;
      return { createContracts, editPartners };
    };
    expect(await repositoryAbilities(admin as typeof viewer)).toEqual({ createContracts: true, editPartners: true });
    expect(await repositoryAbilities(editor)).toEqual({ createContracts: true, editPartners: true });
    expect(await repositoryAbilities(viewer)).toEqual({ createContracts: false, editPartners: false });
  });

  it('makes Administrator apply to every unit, and keeps the last Administrator', async () => {
    const admin = await signUpOrg(h);
    const self = admin.me.user!.id;
    const demote = await call(h, admin, 'PUT', `/users/${self}/roles`, { isAdmin: false, roles: {} });
    expectProblem(demote, 409, 'last_administrator');
    expectProblem(await call(h, admin, 'POST', `/users/${self}/lock`), 409, 'conflict');
    const second = await addMember(h, admin, { isAdmin: true });
    expect(second.me.roles.every((r) => r.role === 'administrator')).toBe(true);
    expect((await call(h, second, 'PUT', `/users/${self}/roles`, { isAdmin: false, roles: {} })).statusCode).toBe(200);
    expectProblem(await call(h, second, 'POST', `/users/${second.id}/lock`), 409, 'conflict');
  });

  it('locks a user out at once and unlocks them, logging both', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin);
    expect((await call(h, admin, 'POST', `/users/${member.id}/lock`)).json().status).toBe('locked');
    expectProblem(await call(h, member, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(
      await call(h, null, 'POST', '/auth/sign-in', { email: member.email, password: PASSWORD }),
      403,
      'account_locked',
    );
    expect((await call(h, admin, 'POST', `/users/${member.id}/unlock`)).json().status).toBe('active');
    expect((await call(h, null, 'POST', '/auth/sign-in', { email: member.email, password: PASSWORD })).statusCode).toBe(
      200,
    );
    const actions = (await auditEvents(h, admin)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.locked', 'user.unlocked']));
  });

  it('answers 401 without a session, 403 for non-administrators, 404 for another org', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    expectProblem(await call(h, null, 'GET', '/users'), 401, 'unauthenticated');
    expectProblem(await call(h, member, 'GET', '/users'), 403, 'forbidden');
    expectProblem(await call(h, member, 'POST', '/users/invitations', { email: uniqueEmail() }), 403, 'forbidden');
    expectProblem(
      await call(h, member, 'PUT', `/users/${member.id}/roles`, { isAdmin: true, roles: {} }),
      403,
      'forbidden',
    );
    expectProblem(await call(h, stranger, 'POST', `/users/${member.id}/lock`), 404, 'not_found');
    expectProblem(
      await call(h, stranger, 'PUT', `/users/${member.id}/roles`, { isAdmin: true, roles: {} }),
      404,
      'not_found',
    );
    expectProblem(await call(h, stranger, 'POST', `/users/${member.id}/invitation`), 404, 'not_found');
    expect((await call(h, member, 'GET', '/me')).json().isAdmin).toBe(false);
  });
});

describe('removing users', () => {
  it('removes a member from the account at once, keeping the last Administrator and oneself', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    expectProblem(await call(h, stranger, 'DELETE', `/users/${member.id}`), 404, 'not_found');
    expectProblem(await call(h, member, 'DELETE', `/users/${admin.me.user!.id}`), 403, 'forbidden');
    expectProblem(await call(h, admin, 'DELETE', `/users/${admin.me.user!.id}`), 409, 'conflict');
    expectProblem(await call(h, admin, 'DELETE', '/users/123'), 422, 'validation_failed');
    expectProblem(await call(h, null, 'DELETE', `/users/${member.id}`), 401, 'unauthenticated');
    expect((await call(h, admin, 'DELETE', `/users/${member.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, member, 'GET', '/me'), 401, 'unauthenticated');
    expect((await call(h, admin, 'GET', '/users')).json().items.map((u: { id: string }) => u.id)).toEqual([
      admin.me.user!.id,
    ]);
    expectProblem(
      await call(h, null, 'POST', '/auth/sign-in', { email: member.email, password: PASSWORD }),
      403,
      'account_locked',
    );
    const event = (await auditEvents(h, admin, '&action=user.removed'))[0]!;
    expect(event).toMatchObject({ objectId: member.id, subject: { email: member.email } });
  });
});

describe('personal settings', () => {
  it('updates name, language, date format and time zone, logging what changed', async () => {
    const admin = await signUpOrg(h);
    const res = await call(h, admin, 'PATCH', '/me', {
      name: 'Ada Lovelace',
      locale: 'de',
      dateFormat: 'DD.MM.YYYY',
      timeZone: 'America/New_York',
    });
    expect(res.json().user).toMatchObject({
      name: 'Ada Lovelace',
      locale: 'de',
      dateFormat: 'DD.MM.YYYY',
      timeZone: 'America/New_York',
    });
    const event = (await auditEvents(h, admin, '&action=user.updated'))[0]!;
    expect(event.changes).toMatchObject({
      locale: { before: 'en', after: 'de' },
      name: { before: 'Ada Admin', after: 'Ada Lovelace' },
    });
    expect(event.subject).toEqual({ name: 'Ada Lovelace', email: admin.email });
    const bad = await call(h, admin, 'PATCH', '/me', { timeZone: 'Mars/Olympus' });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('timeZone');
    expectProblem(await call(h, admin, 'PATCH', '/me', { locale: 'fr' }), 422, 'validation_failed');
    expectProblem(await call(h, null, 'PATCH', '/me', { name: 'X' }), 401, 'unauthenticated');
  });
});

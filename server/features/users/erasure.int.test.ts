import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { linkIn } from '../../test/smtp-sink.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { addReminder, at, contractWithDeadline, deliveriesOf, quietOrg } from '../reminders/engine/engine.fixtures.js';
import { runReminders } from '../reminders/engine/run.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const erase = (admin: Caller, id: string, email: string) => call(h, admin, 'POST', `/users/${id}/erasure`, { email });

/** Everything the org's log and deliveries hold, as text, read as the schema owner claiming the org. */
async function orgTraces(orgId: string): Promise<string> {
  return h.database.db.transaction(async (tx) => {
    await setClaims(tx, { orgId });
    const parts = await Promise.all([
      tx.execute(sql`select content::text as t from audit_personal where org_id = ${orgId}`),
      tx.execute(sql`select data::text as t from audit_events where org_id = ${orgId}`),
      tx.execute(sql`select recipient_email as t from deliveries where org_id = ${orgId}`),
      tx.execute(sql`select coalesce(name, '') as t from invitations where org_id = ${orgId}`),
    ]);
    return parts.flatMap((r) => rowsOf<{ t: string }>(r).map((row) => row.t)).join('\n');
  });
}

const DAY = 86_400_000;

/** A member who acted (a contract, a profile change), was acted on (locked, unlocked) and was sent a reminder. */
async function activeMember(admin: Caller) {
  const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' }, name: 'Erika Mustermann' });
  const contract = await newContract(h, member, { title: 'Supply contract', ownerId: member.id });
  const { contract: lease, event, today } = await contractWithDeadline(h, admin);
  const lead = Math.round((Date.parse(event.date) - Date.parse(today)) / DAY);
  await addReminder(h, admin, { contractId: lease.id, eventId: event.id }, { leadTimes: [lead], userIds: [member.id] });
  expect((await runReminders(h.app.deps, { orgId: admin.me!.org.id, asOf: at(today) })).errors).toBe(0);
  await h.sink.waitFor((m) => m.to.includes(member.email) && m.subject.includes(lease.title as string));
  await call(h, member, 'PATCH', '/me', { name: 'Erika M. Mustermann' });
  await call(h, admin, 'POST', `/users/${member.id}/lock`);
  await call(h, admin, 'POST', `/users/${member.id}/unlock`);
  return { member, contract };
}

describe('erasing a member', () => {
  it('takes them out, pseudonymises them in the log (whose chain still verifies) and deletes a lonely account', async () => {
    const admin = await quietOrg(h);
    const { member, contract } = await activeMember(admin);
    const before = await orgTraces(admin.me.org.id);
    expect(before).toContain(member.email);
    expect(before).toContain('Erika');

    const res = await erase(admin, member.id, member.email.toUpperCase());
    expect(res.statusCode).toBe(200);
    const erased = res.json() as { pseudonym: string; logEntries: number; accountErased: boolean };
    expect(erased).toMatchObject({ id: member.id, accountErased: true, deliveries: 1 });
    expect(erased.pseudonym).toMatch(/^Person [0-9A-Z]{8}$/);
    expect(erased.logEntries).toBeGreaterThanOrEqual(5);

    // No name, no address of theirs remains in what the org holds.
    const after = await orgTraces(admin.me.org.id);
    expect(after).not.toContain(member.email);
    expect(after).not.toContain('Erika');
    // The reminder keeps its history under a pseudonymous address nothing is ever sent to.
    expect((await deliveriesOf(h, admin)).map((d) => [d.recipient_email, d.status])).toEqual([
      [`${erased.pseudonym.toLowerCase().replace(' ', '-')}@erased.invalid`, 'sent'],
    ]);
    // The log shows the pseudonym where they acted and where they were acted on; the chain is whole.
    const events = await auditEvents(h, admin);
    expect(JSON.stringify(events)).not.toContain(member.email);
    const theirs = events.filter((e) => e.actor.id === member.id);
    expect(theirs.length).toBeGreaterThanOrEqual(2);
    for (const e of theirs) expect(e.actor).toMatchObject({ name: erased.pseudonym, email: null });
    const locked = events.find((e) => e.action === 'user.locked')!;
    expect(locked.subject).toEqual({ name: erased.pseudonym, email: null });
    expect(locked.actor.name).toBe('Ada Admin');
    expect(events[0]).toMatchObject({
      action: 'user.erased',
      objectId: member.id,
      actor: { name: 'Ada Admin' },
      subject: { name: erased.pseudonym, email: null },
      objectName: erased.pseudonym,
    });
    expect((await call(h, admin, 'GET', '/audit/verify')).json()).toMatchObject({ intact: true, reason: null });

    // Not a member any more, and with no other account their sign-in account is gone.
    expect((await call(h, admin, 'GET', '/users')).json().items.map((u: { id: string }) => u.id)).not.toContain(
      member.id,
    );
    expectProblem(await call(h, member, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(
      await call(h, null, 'POST', '/auth/sign-in', { email: member.email, password: PASSWORD }),
      401,
      'invalid_credentials',
    );
    // The contract they owned stays; its owner is no one the directory knows.
    const kept = await call(h, admin, 'GET', `/contracts/${contract.id}`);
    expect(kept.json()).toMatchObject({ title: 'Supply contract', ownerId: member.id });
  });

  it('keeps the account of someone who belongs to another organization, and that organization’s log', async () => {
    const adminA = await signUpOrg(h, 'Alpha AG');
    const adminB = await signUpOrg(h, 'Beta AG');
    const member = await addMember(h, adminA, { name: 'Jonas Zwei' });
    await call(h, adminB, 'POST', '/users/invitations', { email: member.email, roles: {} });
    const mail = await h.sink.waitFor((m) => m.to.includes(member.email) && m.subject.includes('Beta AG'));
    const token = linkIn(mail).split('/invite/')[1]!;
    const joined = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'x', password: PASSWORD });
    expect(joined.statusCode).toBe(200);

    const res = await erase(adminA, member.id, member.email);
    expect(res.json()).toMatchObject({ accountErased: false });
    expect(await orgTraces(adminA.me.org.id)).not.toContain(member.email);
    // Beta still knows them by name, and they still sign in.
    expect(await orgTraces(adminB.me.org.id)).toContain(member.email);
    const directory = (await call(h, adminB, 'GET', '/users/directory')).json() as { items: { name: string }[] };
    expect(directory.items.map((m) => m.name)).toContain('Jonas Zwei');
    const signedIn = await call(h, null, 'POST', '/auth/sign-in', { email: member.email, password: PASSWORD });
    expect(signedIn.statusCode).toBe(200);

    // Invited to Alpha again and erased again: the first pseudonym stays theirs there.
    const first = (res.json() as { pseudonym: string }).pseudonym;
    const again = await call(h, adminA, 'POST', '/users/invitations', { email: member.email, roles: {} });
    expect(again.statusCode).toBe(201);
    const second = await erase(adminA, member.id, member.email);
    expect(second.json()).toMatchObject({ pseudonym: first });
  });

  it('refuses a wrong confirmation, changing nothing, and names the field', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin, { name: 'Paula Probe' });
    const wrong = expectProblem(await erase(admin, member.id, uniqueEmail('other')), 422, 'validation_failed');
    expect(wrong.errors?.[0]).toMatchObject({ field: 'email', rule: 'not_the_email' });
    const missing = expectProblem(
      await call(h, admin, 'POST', `/users/${member.id}/erasure`, {}),
      422,
      'validation_failed',
    );
    expect(missing.errors?.[0]?.field).toBe('email');
    expect((await call(h, member, 'GET', '/me')).statusCode).toBe(200);
    expect(await orgTraces(admin.me.org.id)).toContain(member.email);
    expect((await auditEvents(h, admin)).some((e) => e.action === 'user.erased')).toBe(false);
  });

  it('is for administrators only, never of oneself, and of this organization’s members only', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const target = await addMember(h, admin);
    expectProblem(await erase(editor, target.id, target.email), 403, 'forbidden');
    expectProblem(await erase({}, target.id, target.email), 401, 'unauthenticated');
    const self = expectProblem(await erase(admin, admin.me.user!.id, admin.email), 409, 'conflict');
    expect(self).toMatchObject({ reason: 'remove_self' });
    const other = await signUpOrg(h);
    expectProblem(await erase(other, target.id, target.email), 404, 'not_found');
    expect((await call(h, target, 'GET', '/me')).statusCode).toBe(200);
  });
});

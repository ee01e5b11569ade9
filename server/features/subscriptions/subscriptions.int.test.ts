import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { daysFromNow, setPlanAsOperator } from './subscriptions.fixtures.js';
import { readOnlyNotice } from './subscriptions.jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ TRIAL_DAYS: '14', RETENTION_MONTHS: '18' });
});
afterAll(() => h?.close());

const MONTH_MS = 31 * 86_400_000;
const CONFIRM = { confirm: true };
const readOnlyMails = (email: string) =>
  h.sink.messages.filter((m) => m.to.includes(email) && m.subject.includes('read-only'));
const partner = (who: Caller, name = 'Acme Supplies') =>
  call(h, who, 'POST', '/partners', { name: `${name} ${Math.random()}`, type: 'both' });

describe('the subscription page', () => {
  it('shows a new organization its trial (TRIAL_DAYS), plan and seats to administrators only', async () => {
    const admin = await signUpOrg(h);
    const res = await call(h, admin, 'GET', '/subscription');
    expect(res.statusCode).toBe(200);
    const sub = res.json();
    expect(sub).toMatchObject({
      plan: 'enterprise',
      status: 'trialing',
      seats: { used: 1, limit: null },
      cancelledAt: null,
      readOnly: false,
      deletionDate: null,
      retentionMonths: 18,
      checkoutLinks: [],
      portalUrl: null,
      abilities: { cancel: true, reactivate: false },
    });
    const trialDays = (Date.parse(sub.trialEndsAt) - Date.now()) / 86_400_000;
    expect(trialDays).toBeGreaterThan(13.9);
    expect(trialDays).toBeLessThanOrEqual(14);

    const member = await addMember(h, admin, { roles: { [admin.me.roles[0]!.businessUnitId]: 'editor' } });
    expectProblem(await call(h, member, 'GET', '/subscription'), 403, 'forbidden');
    expectProblem(await call(h, member, 'POST', '/subscription/cancel', CONFIRM), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/subscription'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', '/subscription/cancel', CONFIRM), 401, 'unauthenticated');
    expect((await call(h, member, 'GET', '/subscription/access')).json()).toEqual({
      readOnly: false,
      readOnlySince: null,
      dataKeptUntil: null,
    });
    expect((await call(h, admin, 'GET', '/subscription')).json().seats).toEqual({ used: 2, limit: null });
  });

  it('refuses a cancellation without its confirmation, a reactivation of what is not cancelled, an unknown plan', async () => {
    const admin = await signUpOrg(h);
    expectProblem(await call(h, admin, 'POST', '/subscription/cancel'), 422, 'validation_failed');
    for (const body of [{}, { confirm: 'yes' }, { confirm: false }]) {
      const bad = expectProblem(await call(h, admin, 'POST', '/subscription/cancel', body), 422, 'validation_failed');
      expect(bad.errors?.[0]?.field).toBe('confirm');
    }
    expect((await call(h, admin, 'GET', '/subscription')).json().status).toBe('trialing');
    const res = await call(h, admin, 'POST', '/subscription/reactivate', { status: 'active' });
    // Nothing to reactivate: the request is understood, the state refuses it.
    expect(expectProblem(res, 409, 'conflict').reason).toBe('subscription_not_cancelled');
    await expect(setPlanAsOperator(h, admin.me.org.id, { plan: 'platinum' as 'team' })).rejects.toThrow();
  });
});

describe('cancelling and reactivating', () => {
  it('makes a cancelled trial read-only at once: writes refused, reads, sign-out and reactivation allowed', async () => {
    const admin = await signUpOrg(h, 'Trial Org');
    const other = await signUpOrg(h, 'Other Org');
    const member = await addMember(h, admin, { roles: { [admin.me.roles[0]!.businessUnitId]: 'editor' } });
    expect((await partner(admin)).statusCode).toBe(201);

    const res = await call(h, admin, 'POST', '/subscription/cancel', CONFIRM);
    expect(res.statusCode).toBe(200);
    const sub = res.json();
    expect(sub).toMatchObject({ status: 'cancelled', readOnly: true, abilities: { cancel: false, reactivate: true } });
    const since = Date.parse(sub.accessUntil);
    expect(Math.abs(since - Date.now())).toBeLessThan(60_000);
    const deletion = new Date(sub.deletionDate);
    expect(deletion.getUTCFullYear() * 12 + deletion.getUTCMonth()).toBe(
      new Date(since).getUTCFullYear() * 12 + new Date(since).getUTCMonth() + 18,
    );

    const refused = expectProblem(await partner(member), 403, 'account_read_only');
    expect(refused.reason).toBe('cancelled');
    expect(refused.params).toEqual({
      since: sub.accessUntil.slice(0, 10),
      until: sub.deletionDate.slice(0, 10),
    });
    expect(refused.detail).toContain(sub.deletionDate.slice(0, 10));
    expectProblem(await call(h, admin, 'POST', '/subscription/cancel', CONFIRM), 403, 'account_read_only');
    expect((await call(h, member, 'GET', '/partners')).statusCode).toBe(200);
    expect((await call(h, member, 'GET', '/subscription/access')).json()).toEqual({
      readOnly: true,
      readOnlySince: sub.accessUntil,
      dataKeptUntil: sub.deletionDate,
    });
    // Another organization is untouched.
    expect((await partner(other)).statusCode).toBe(201);
    expect((await call(h, member, 'POST', '/auth/sign-out')).statusCode).toBe(204);

    // The administrators are told once, at cancel time; the daily job sends nothing more.
    await h.sink.until(() => readOnlyMails(admin.email).length === 1);
    const [mail] = readOnlyMails(admin.email);
    expect(mail!.text).toContain(sub.deletionDate.slice(0, 10));
    expect(await readOnlyNotice(h.app.deps, admin.me.org.id, new Date())).toEqual({ notified: 0 });
    expect(readOnlyMails(member.email)).toHaveLength(0);

    const back = await call(h, admin, 'POST', '/subscription/reactivate');
    expect(back.statusCode).toBe(200);
    expect(back.json()).toMatchObject({ status: 'trialing', readOnly: false, accessUntil: null, deletionDate: null });
    expect((await partner(admin)).statusCode).toBe(201);
    const actions = (await auditEvents(h, admin)).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['subscription.cancelled', 'subscription.read_only', 'subscription.reactivated']),
    );
    const cancelled = (await auditEvents(h, admin, '&action=subscription.cancelled'))[0]!;
    expect(cancelled.actor.email).toBe(admin.email);
    expect(cancelled.changes).toEqual({ status: { before: 'trialing', after: 'cancelled' } });
  });

  it('keeps a paid period writable until its end; the daily job tells the administrators once after it', async () => {
    const admin = await signUpOrg(h, 'Paying Org');
    const orgId = admin.me.org.id;
    const periodEnd = daysFromNow(20);
    await setPlanAsOperator(h, orgId, { plan: 'team', status: 'active', periodEnd });
    const sub = (await call(h, admin, 'POST', '/subscription/cancel', CONFIRM)).json();
    expect(sub).toMatchObject({ status: 'cancelled', readOnly: false, accessUntil: periodEnd.toISOString() });
    expect((await partner(admin)).statusCode).toBe(201);
    expect(await readOnlyNotice(h.app.deps, orgId, new Date())).toEqual({ notified: 0 });

    const after = new Date(periodEnd.getTime() + 60_000);
    expect(await readOnlyNotice(h.app.deps, orgId, after)).toEqual({ notified: 1 });
    expect(await readOnlyNotice(h.app.deps, orgId, new Date(after.getTime() + MONTH_MS))).toEqual({ notified: 0 });
    await h.sink.until(() => readOnlyMails(admin.email).length === 1);

    // Reactivated before the end: paid time is left, so it is active again.
    const back = (await call(h, admin, 'POST', '/subscription/reactivate')).json();
    expect(back).toMatchObject({ status: 'active', plan: 'team', readOnly: false });
  });

  it('refuses cancelling twice and another role; another org is not reachable', async () => {
    const admin = await signUpOrg(h);
    const orgId = admin.me.org.id;
    await setPlanAsOperator(h, orgId, { plan: 'team', status: 'active', periodEnd: daysFromNow(10) });
    expect((await call(h, admin, 'POST', '/subscription/cancel', CONFIRM)).statusCode).toBe(200);
    const twice = expectProblem(await call(h, admin, 'POST', '/subscription/cancel', CONFIRM), 409, 'conflict');
    expect(twice.reason).toBe('subscription_cancelled');
    const other = await signUpOrg(h);
    // Each administrator only ever sees and changes their own organization's subscription.
    expect((await call(h, other, 'GET', '/subscription')).json().status).toBe('trialing');
    expect((await call(h, admin, 'GET', '/subscription')).json().status).toBe('cancelled');
  });
});

describe('seats', () => {
  it('refuses an invitation beyond the plan, counting open invitations, with a clear code', async () => {
    const admin = await signUpOrg(h);
    await setPlanAsOperator(h, admin.me.org.id, { plan: 'starter' });
    const invite = (n: number) =>
      call(h, admin, 'POST', '/users/invitations', { email: `seat-${n}-${Math.random()}@example.com`, isAdmin: false });
    for (let n = 1; n <= 4; n++) expect((await invite(n)).statusCode).toBe(201);
    const full = expectProblem(await invite(5), 409, 'seat_limit_reached');
    expect(full).toMatchObject({ reason: 'seats_taken', params: { used: 5, limit: 5, plan: 'starter' } });
    expect((await call(h, admin, 'GET', '/subscription')).json().seats).toEqual({ used: 5, limit: 5 });
    await setPlanAsOperator(h, admin.me.org.id, { plan: 'team' });
    expect((await invite(6)).statusCode).toBe(201);
    const changed = (await auditEvents(h, admin, '&action=subscription.plan_changed')).map((e) => e.changes.plan);
    expect(changed).toEqual([
      { before: 'starter', after: 'team' },
      { before: 'enterprise', after: 'starter' },
    ]);
  });
});

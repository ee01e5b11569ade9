import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  auditEvents,
  call,
  callerFrom,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { linkIn } from '../../test/smtp-sink.js';
import { codeOfStep, enrolTotp, pendingFrom, secondFactorAt } from './factors.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

let lastIp = 0;
/** A source address of the test's own, so no other test's failures throttle it. */
const freshIp = () => `10.12.${Math.floor(++lastIp / 250)}.${(lastIp % 250) + 1}`;

describe('sign-in with a second factor', () => {
  it('asks for a code after the password; the pending sign-in can do nothing else; the code opens a new session', async () => {
    const admin = await signUpOrg(h);
    const factor = await enrolTotp(h, admin);
    const ip = freshIp();
    const res = await signInAt(h, ip, admin.email, PASSWORD);
    expect(res.statusCode).toBe(202);
    const body = res.json();
    expect(body.secondFactor.kinds).toEqual(['totp', 'backup_code']);
    const expiresIn = new Date(body.secondFactor.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(9 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(10 * 60_000);
    const pending = pendingFrom(res);
    expectProblem(await call(h, pending, 'GET', '/me'), 401, 'unauthenticated');
    expectProblem(await call(h, pending, 'GET', '/contracts'), 401, 'unauthenticated');
    expectProblem(await call(h, pending, 'POST', '/me/factors/totp', {}), 401, 'unauthenticated');

    const done = await secondFactorAt(h, ip, pending, 'totp', codeOfStep(factor.secret, factor.step + 1));
    expect(done.statusCode, done.body).toBe(200);
    const signedIn = callerFrom(done);
    expect(signedIn.me?.user?.email).toBe(admin.email);
    expect(signedIn.me?.signInStage).toBe('full');
    expect(signedIn.cookie).not.toBe(pending.cookie);
    expect((await call(h, signedIn, 'GET', '/contracts')).statusCode).toBe(200);
    // The pending token was replaced, not promoted.
    expectProblem(await call(h, pending, 'GET', '/me'), 401, 'unauthenticated');
    const [event] = await auditEvents(h, admin, '&action=auth.signed_in');
    expect(event).toMatchObject({ objectType: 'session', ip });
    expect(event!.actor.id).toBe(admin.me.user!.id);
  });

  it('refuses a code already used (replay), an old one and a wrong one, each logged', async () => {
    const admin = await signUpOrg(h);
    const factor = await enrolTotp(h, admin);
    const ip = freshIp();
    // The code that confirmed the factor is spent.
    const first = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    const confirmCode = codeOfStep(factor.secret, factor.step);
    const replayed = await secondFactorAt(h, ip, first, 'totp', confirmCode);
    expect(expectProblem(replayed, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'code', rule: 'wrong_code' }),
    ]);
    const next = codeOfStep(factor.secret, factor.step + 1);
    expect((await secondFactorAt(h, ip, first, 'totp', next)).statusCode).toBe(200);
    const second = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    expectProblem(await secondFactorAt(h, ip, second, 'totp', next), 422, 'validation_failed');
    const wrong = String((Number(next) + 500_000) % 1_000_000).padStart(6, '0');
    expectProblem(await secondFactorAt(h, ip, second, 'totp', wrong), 422, 'validation_failed');
    const failed = await auditEvents(h, admin, '&action=auth.second_factor_failed');
    expect(failed).toHaveLength(3);
    expect(failed.map((e) => e.ip)).toEqual([ip, ip, ip]);
  });

  it('signs in with a backup code once; each code works only once and is logged', async () => {
    const admin = await signUpOrg(h);
    const factor = await enrolTotp(h, admin);
    expect(factor.backupCodes).toHaveLength(10);
    const ip = freshIp();
    const pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    const typed = factor.backupCodes[3]!.toUpperCase().replace('-', ' ');
    const done = await secondFactorAt(h, ip, pending, 'backup_code', typed);
    expect(done.statusCode, done.body).toBe(200);
    const [used] = await auditEvents(h, admin, '&action=auth.backup_code_used');
    expect(used!.ip).toBe(ip);
    const again = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    expectProblem(await secondFactorAt(h, ip, again, 'backup_code', factor.backupCodes[3]!), 422, 'validation_failed');
    // A TOTP code is no backup code, nor the other way round.
    const code = codeOfStep(factor.secret, factor.step + 1);
    expectProblem(await secondFactorAt(h, ip, again, 'backup_code', code), 422, 'validation_failed');
    const other = await secondFactorAt(h, ip, again, 'backup_code', factor.backupCodes[4]!);
    const me = callerFrom(other);
    expect((await call(h, me, 'GET', '/me/factors')).json().backupCodesLeft).toBe(8);
  });

  it('throttles code guessing like password guessing and ends the pending sign-in after five wrong codes', async () => {
    const admin = await signUpOrg(h);
    await enrolTotp(h, admin);
    const ip = freshIp();
    const pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    for (let i = 1; i <= 4; i++) {
      const res = await secondFactorAt(h, ip, pending, 'backup_code', 'aaaaa-aaaaa');
      expect(expectProblem(res, 422, 'validation_failed').errors?.[0]?.rule).toBe('wrong_code');
    }
    const fifth = await secondFactorAt(h, ip, pending, 'backup_code', 'aaaaa-aaaaa');
    expect(expectProblem(fifth, 422, 'validation_failed').errors?.[0]?.rule).toBe('too_many_attempts');
    expectProblem(await secondFactorAt(h, ip, pending, 'backup_code', 'aaaaa-aaaaa'), 401, 'unauthenticated');
    // The right password does not reset the count while a code is due: the account is throttled from here.
    const throttled = expectProblem(await signInAt(h, ip, admin.email, PASSWORD), 429, 'rate_limited');
    expect(throttled.reason).toBe('sign_in_throttled');
    // From another address the owner still gets in.
    expect((await signInAt(h, freshIp(), admin.email, PASSWORD)).statusCode).toBe(202);
  });

  it('refuses bad input, no session, a full session and an API key', async () => {
    const admin = await signUpOrg(h);
    await enrolTotp(h, admin);
    const ip = freshIp();
    const pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    const bad = async (payload: object) =>
      expectProblem(
        await h.app.inject({
          method: 'POST',
          url: '/api/v1/auth/second-factor',
          remoteAddress: ip,
          headers: { cookie: pending.cookie!, 'x-csrf-token': pending.csrf! },
          payload,
        }),
        422,
        'validation_failed',
      ).errors?.[0]?.field;
    expect(await bad({ kind: 'email', code: '123456' })).toBe('kind');
    expect(await bad({ kind: 'totp', code: '12' })).toBe('code');
    expect(await bad({ kind: 'totp' })).toBe('code');
    expectProblem(
      await call(h, null, 'POST', '/auth/second-factor', { kind: 'totp', code: '123456' }),
      401,
      'unauthenticated',
    );
    const full = await call(h, admin, 'POST', '/auth/second-factor', { kind: 'totp', code: '123456' });
    expect(expectProblem(full, 409, 'conflict').reason).toBe('no_pending_sign_in');
    const key = (await call(h, admin, 'POST', '/api-keys', { name: 'ERP', role: 'administrator' })).json().token;
    expectProblem(
      await call(h, { bearer: key }, 'POST', '/auth/second-factor', { kind: 'totp', code: '123456' }),
      409,
      'conflict',
    );
    // API keys are unaffected by their creator's second factor.
    expect((await call(h, { bearer: key }, 'GET', '/contracts')).statusCode).toBe(200);
  });

  it('cancels a pending sign-in by signing out', async () => {
    const admin = await signUpOrg(h);
    const factor = await enrolTotp(h, admin);
    const ip = freshIp();
    const pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    expect((await call(h, pending, 'POST', '/auth/sign-out')).statusCode).toBe(204);
    const code = codeOfStep(factor.secret, factor.step + 1);
    expectProblem(await secondFactorAt(h, ip, pending, 'totp', code), 401, 'unauthenticated');
  });

  it('asks a person who already has a factor for a code when they accept an invitation to another account', async () => {
    const other = await signUpOrg(h, 'Other AG');
    const factor = await enrolTotp(h, other);
    const admin = await signUpOrg(h, 'Inviting GmbH');
    const invited = await call(h, admin, 'POST', '/users/invitations', {
      email: other.email,
      isAdmin: true,
      roles: {},
    });
    expect(invited.statusCode).toBe(201);
    const mail = await h.sink.waitFor((m) => m.to.includes(other.email) && m.text.includes('/invite/'));
    const token = linkIn(mail).split('/invite/')[1]!;
    const accepted = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'X', password: PASSWORD });
    const pending = pendingFrom(accepted);
    const done = await secondFactorAt(h, h.ip, pending, 'backup_code', factor.backupCodes[0]!);
    expect(callerFrom(done).me?.org.name).toBe('Inviting GmbH');
  });
});

describe('mandatory second factor', () => {
  it('leads a member without a factor to enrolment only, and lets them in once they confirm one', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin, { roles: { [admin.me.roles[0]!.businessUnitId]: 'editor' } });
    const set = await call(h, admin, 'PATCH', '/settings/security', { requireSecondFactor: true });
    expect(set.json()).toEqual({ requireSecondFactor: true });
    // A session opened before the setting stays as it was until its next sign-in.
    expect((await call(h, member, 'GET', '/contracts')).statusCode).toBe(200);

    const res = await signInAt(h, freshIp(), member.email, PASSWORD);
    expect(res.statusCode).toBe(200);
    const enrolling = callerFrom(res);
    expect(enrolling.me?.signInStage).toBe('enrolment');
    const refused = expectProblem(await call(h, enrolling, 'GET', '/contracts'), 403, 'forbidden');
    expect(refused.reason).toBe('second_factor_enrolment');
    expectProblem(await call(h, enrolling, 'PATCH', '/me', { locale: 'de' }), 403, 'forbidden');
    expect((await call(h, enrolling, 'GET', '/me/factors')).json()).toMatchObject({ items: [], required: true });

    const factor = await enrolTotp(h, enrolling);
    expect((await call(h, enrolling, 'GET', '/me')).json().signInStage).toBe('full');
    expect((await call(h, enrolling, 'GET', '/contracts')).statusCode).toBe(200);
    // The last factor cannot go while the account demands one.
    const remove = await call(h, enrolling, 'DELETE', `/me/factors/${factor.id}`, { password: PASSWORD });
    expect(expectProblem(remove, 409, 'conflict').reason).toBe('second_factor_required');
    // Signing out always works, also while enrolling.
    const again = callerFrom(await signInAt(h, freshIp(), admin.email, PASSWORD));
    expect(again.me?.signInStage).toBe('enrolment');
    expect((await call(h, again, 'POST', '/auth/sign-out')).statusCode).toBe(204);
  });
});

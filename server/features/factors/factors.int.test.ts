import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  callerFrom,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { codeOfStep, enrolTotp, pendingFrom, secondFactorAt } from './factors.fixtures.js';
import { timeStep } from './totp.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const apiKeyOf = async (admin: Caller): Promise<Caller> => ({
  bearer: (await call(h, admin, 'POST', '/api-keys', { name: 'ERP', role: 'administrator' })).json().token,
});

describe('enrolling an authenticator app', () => {
  it('hands out a secret, its URI and our own QR code; counts only once confirmed; mails and logs it', async () => {
    const admin = await signUpOrg(h);
    expect((await call(h, admin, 'GET', '/me/factors')).json()).toEqual({
      items: [],
      backupCodesLeft: 0,
      required: false,
      smsAvailable: false,
    });
    // Without a text message provider, SMS codes are not offered.
    const sms = await call(h, admin, 'POST', '/me/factors/sms', { phone: '+491701234567' });
    expect(expectProblem(sms, 409, 'conflict').reason).toBe('sms_not_configured');
    const started = await call(h, admin, 'POST', '/me/factors/totp', {});
    expect(started.statusCode).toBe(201);
    const { id, secret, uri, qrSvg } = started.json();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(uri).toContain(`secret=${secret}`);
    expect(uri).toContain('issuer=Deedbox');
    expect(qrSvg).toMatch(/^<svg[\s\S]*<\/svg>$/);
    expect(qrSvg).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
    // Not yet a factor: the list is empty and the password alone still signs in.
    expect((await call(h, admin, 'GET', '/me/factors')).json().items).toEqual([]);
    expect((await signInAt(h, '10.13.0.1', admin.email, PASSWORD)).statusCode).toBe(200);
    // Stored sealed, under the master key version, never as the secret.
    const [row] = await withClaims(h.database.db, { userId: admin.me.user!.id }, async (tx) =>
      rowsOf<{ secret: Uint8Array; master_version: number }>(
        await tx.execute(sql`select secret, master_version from user_factors where id = ${id}`),
      ),
    );
    expect(row!.master_version).toBe(1);
    expect(Buffer.from(row!.secret).toString('latin1')).not.toContain(secret);

    const step = timeStep(Date.now());
    const res = await call(h, admin, 'POST', `/me/factors/totp/${id}/confirm`, { code: codeOfStep(secret, step) });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.factor).toMatchObject({ id, kind: 'totp', name: 'Authenticator app', confirmed: true });
    expect(body.backupCodes).toHaveLength(10);
    expect((await call(h, admin, 'GET', '/me/factors')).json()).toMatchObject({
      items: [{ id, confirmed: true }],
      backupCodesLeft: 10,
    });
    const actions = (await auditEvents(h, admin)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['auth.factor_added', 'auth.backup_codes_generated']));
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject === 'A second factor was added');
    expect(mail.text).toContain('/settings/security');
    expect(mail.text).not.toContain(secret);
    const again = await call(h, admin, 'POST', `/me/factors/totp/${id}/confirm`, {
      code: codeOfStep(secret, step + 1),
    });
    expect(expectProblem(again, 409, 'conflict').reason).toBe('factor_confirmed');
  });

  it('refuses wrong and malformed codes, unknown and foreign factors, no session and API keys', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const { id, secret } = (await call(h, admin, 'POST', '/me/factors/totp', { name: 'Phone' })).json();
    const confirm = (who: Caller | null, factorId: string, body: object) =>
      call(h, who, 'POST', `/me/factors/totp/${factorId}/confirm`, body);
    const code = codeOfStep(secret, timeStep(Date.now()));
    const wrong = String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');
    expect(
      expectProblem(await confirm(admin, id, { code: wrong }), 422, 'validation_failed').errors?.[0],
    ).toMatchObject({ field: 'code', rule: 'wrong_code' });
    expect(
      expectProblem(await confirm(admin, id, { code: 'abcdef' }), 422, 'validation_failed').errors?.[0]?.field,
    ).toBe('code');
    expectProblem(await confirm(admin, 'not-a-uuid', { code }), 422, 'validation_failed');
    expectProblem(await call(h, admin, 'POST', '/me/factors/totp', { name: 'x'.repeat(61) }), 422, 'validation_failed');
    expectProblem(await confirm(stranger, id, { code }), 404, 'not_found');
    expectProblem(await confirm(admin, crypto.randomUUID(), { code }), 404, 'not_found');
    expectProblem(await confirm(null, id, { code }), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'GET', '/me/factors'), 401, 'unauthenticated');
    const key = await apiKeyOf(admin);
    expectProblem(await confirm(key, id, { code }), 403, 'forbidden');
    expectProblem(await call(h, key, 'GET', '/me/factors'), 403, 'forbidden');
    expectProblem(await call(h, key, 'POST', '/me/factors/totp', {}), 403, 'forbidden');
    // A fresh enrolment replaces one never confirmed.
    const next = (await call(h, admin, 'POST', '/me/factors/totp', {})).json();
    expectProblem(await confirm(admin, id, { code }), 404, 'not_found');
    expect(next.id).not.toBe(id);
  });
});

describe('removing a factor', () => {
  it('needs the password, takes the backup codes with the last factor, mails and logs it', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const factor = await enrolTotp(h, admin);
    const remove = (who: Caller | null, body: object, id = factor.id) =>
      call(h, who, 'DELETE', `/me/factors/${id}`, body);
    expect(
      expectProblem(await remove(admin, { password: 'wrong-password' }), 401, 'invalid_credentials').errors,
    ).toEqual([expect.objectContaining({ field: 'password', rule: 'wrong' })]);
    expect(expectProblem(await remove(admin, {}), 422, 'validation_failed').errors?.[0]?.field).toBe('password');
    expectProblem(await remove(null, { password: PASSWORD }), 401, 'unauthenticated');
    expectProblem(await remove(stranger, { password: PASSWORD }), 404, 'not_found');
    expectProblem(await remove(await apiKeyOf(admin), { password: PASSWORD }), 403, 'forbidden');

    expect((await remove(admin, { password: PASSWORD })).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', '/me/factors')).json()).toMatchObject({ items: [], backupCodesLeft: 0 });
    const [event] = await auditEvents(h, admin, '&action=auth.factor_removed');
    expect(event).toBeDefined();
    await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject === 'A second factor was removed');
    expect((await signInAt(h, '10.13.1.1', admin.email, PASSWORD)).statusCode).toBe(200);
    expectProblem(await remove(admin, { password: PASSWORD }), 404, 'not_found');
  });
});

describe('backup codes', () => {
  it('are made anew on request (old ones die), need the password and a factor, and are logged', async () => {
    const admin = await signUpOrg(h);
    const codes = (who: Caller | null, body: object) => call(h, who, 'POST', '/me/backup-codes', body);
    expect(expectProblem(await codes(admin, { password: PASSWORD }), 409, 'conflict').reason).toBe('no_second_factor');
    const factor = await enrolTotp(h, admin);
    expectProblem(await codes(admin, { password: 'wrong-password' }), 401, 'invalid_credentials');
    expectProblem(await codes(admin, {}), 422, 'validation_failed');
    expectProblem(await codes(null, { password: PASSWORD }), 401, 'unauthenticated');
    expectProblem(await codes(await apiKeyOf(admin), { password: PASSWORD }), 403, 'forbidden');
    const res = await codes(admin, { password: PASSWORD });
    expect(res.statusCode).toBe(201);
    const fresh = res.json().codes as string[];
    expect(fresh).toHaveLength(10);
    expect(fresh.some((c) => factor.backupCodes.includes(c))).toBe(false);
    expect(await auditEvents(h, admin, '&action=auth.backup_codes_generated')).toHaveLength(2);
    const ip = '10.13.2.1';
    const pending = pendingFrom(await signInAt(h, ip, admin.email, PASSWORD));
    expectProblem(
      await secondFactorAt(h, ip, pending, 'backup_code', factor.backupCodes[0]!),
      422,
      'validation_failed',
    );
    expect((await secondFactorAt(h, ip, pending, 'backup_code', fresh[0]!)).statusCode).toBe(200);
  });
});

describe('an administrator resetting a member', () => {
  it('removes every factor and backup code of the member, logged and mailed; admins only, own org only', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const memberId = member.me.user!.id;
    await enrolTotp(h, member);
    const reset = (who: Caller | null, id = memberId) => call(h, who, 'POST', `/users/${id}/factors/reset`);
    expectProblem(await reset(member), 403, 'forbidden');
    expectProblem(await reset(stranger), 404, 'not_found');
    expectProblem(await reset(null), 401, 'unauthenticated');
    expectProblem(await reset(admin, 'not-a-uuid'), 422, 'validation_failed');
    expect((await signInAt(h, '10.13.3.1', member.email, PASSWORD)).statusCode).toBe(202);

    expect((await reset(admin)).statusCode).toBe(204);
    const [event] = await auditEvents(h, admin, '&action=user.factors_reset');
    expect(event).toMatchObject({ objectId: memberId, subject: { email: member.email } });
    await h.sink.waitFor((m) => m.to.includes(member.email) && m.subject === 'Your second factors were reset');
    const signedIn = await signInAt(h, '10.13.3.2', member.email, PASSWORD);
    expect(signedIn.statusCode).toBe(200);
    expect((await call(h, callerFrom(signedIn), 'GET', '/me/factors')).json()).toMatchObject({
      items: [],
      backupCodesLeft: 0,
    });
  });
});

describe('the security setting', () => {
  it('is read and changed by administrators only, each org its own, and logged', async () => {
    const admin = await signUpOrg(h);
    const other = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    expect((await call(h, admin, 'GET', '/settings/security')).json()).toEqual({ requireSecondFactor: false });
    const res = await call(h, admin, 'PATCH', '/settings/security', { requireSecondFactor: true });
    expect(res.json()).toEqual({ requireSecondFactor: true });
    expect((await call(h, other, 'GET', '/settings/security')).json()).toEqual({ requireSecondFactor: false });
    const [event] = await auditEvents(h, admin, '&action=org.settings_updated');
    expect(event!.changes).toEqual({ requireSecondFactor: { before: false, after: true } });
    const bad = await call(h, admin, 'PATCH', '/settings/security', { requireSecondFactor: 'yes' });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('requireSecondFactor');
    expectProblem(await call(h, viewer, 'GET', '/settings/security'), 403, 'forbidden');
    expectProblem(
      await call(h, viewer, 'PATCH', '/settings/security', { requireSecondFactor: false }),
      403,
      'forbidden',
    );
    expectProblem(await call(h, null, 'GET', '/settings/security'), 401, 'unauthenticated');
    expect((await call(h, viewer, 'GET', '/me/factors')).json().required).toBe(true);
  });
});

describe('the password asked again before a change', () => {
  it('counts wrong ones on the sign-in throttle and logs them, so a stolen session cannot guess it', async () => {
    const admin = await signUpOrg(h);
    await enrolTotp(h, admin);
    const attempts = [
      () => call(h, admin, 'POST', '/me/backup-codes', { password: 'guess-1' }),
      () =>
        call(h, admin, 'POST', '/me/password', { currentPassword: 'guess-2', newPassword: 'An0ther long passphrase' }),
      () => call(h, admin, 'POST', '/me/backup-codes', { password: 'guess-3' }),
      () =>
        call(h, admin, 'POST', '/me/password', { currentPassword: 'guess-4', newPassword: 'An0ther long passphrase' }),
      () => call(h, admin, 'POST', '/me/backup-codes', { password: 'guess-5' }),
    ];
    for (const attempt of attempts) expectProblem(await attempt(), 401, 'invalid_credentials');
    // Five wrong: even the right password now waits, here and at sign-in from the same address.
    expect(
      expectProblem(await call(h, admin, 'POST', '/me/backup-codes', { password: PASSWORD }), 429, 'rate_limited'),
    ).toMatchObject({ reason: 'sign_in_throttled' });
    expectProblem(await signInAt(h, h.ip, admin.email, PASSWORD), 429, 'rate_limited');
    expect(await auditEvents(h, admin, '&action=auth.password_check_failed')).toHaveLength(5);
    const purposes = rowsOf<{ purpose: string }>(
      await h.database.db.execute(
        sql`select data->>'purpose' as purpose from audit_events
            where org_id = ${admin.me.org.id} and action = 'auth.password_check_failed' order by seq`,
      ),
    ).map((r) => r.purpose);
    expect(purposes).toEqual(['backup_codes', 'change_password', 'backup_codes', 'change_password', 'backup_codes']);
    // Nothing else was written by the refused requests: the password is unchanged, the codes too.
    expect((await signInAt(h, '10.13.2.1', admin.email, PASSWORD)).statusCode).toBe(202);
    expect((await call(h, admin, 'GET', '/me/factors')).json().backupCodesLeft).toBe(10);
  });
});

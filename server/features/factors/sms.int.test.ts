import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
} from '../../test/api.js';
import type { FakeTwilio } from '../../test/fake-twilio.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { enrolTotp, pendingFrom, secondFactorAt } from './factors.fixtures.js';

let h: Harness;
let twilio: FakeTwilio;
beforeAll(async () => {
  h = await startHarness({}, { twilio: true });
  twilio = h.twilio!;
});
afterAll(() => h.close());

const PHONE = '+491701234567';
const CODE_TEXT = /^Your Deedbox code is (\d{6})\. It expires in 5 minutes\.$/;

/** The code of the last text sent to this number, as Twilio received it. */
function lastCodeTo(phone: string, text = CODE_TEXT): string {
  const message = twilio.messages.findLast((m) => m.to === phone);
  expect(message?.from).toBe('+4930901820');
  const match = message?.body.match(text);
  expect(match, message?.body).not.toBeNull();
  return match![1]!;
}

const uniquePhone = () => `+4915${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}`;
const wrongOf = (code: string) => String((Number(code) + 500_000) % 1_000_000).padStart(6, '0');

/** Moves the person's codes back in time: older sends (rate limit) or expired codes. */
async function shiftCodes(userId: string, set: 'created_at' | 'expires_at', seconds: number) {
  await withClaims(h.database.db, { userId }, (tx) =>
    tx.execute(
      set === 'created_at'
        ? sql`update sms_codes set created_at = created_at - make_interval(secs => ${seconds}) where user_id = ${userId}`
        : sql`update sms_codes set expires_at = expires_at - make_interval(secs => ${seconds}) where user_id = ${userId}`,
    ),
  );
}

const member = async () => {
  const admin = await signUpOrg(h);
  const person = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
  return { admin, person, userId: person.me.user!.id };
};

async function enrolSms(who: Caller, phone: string) {
  const started = await call(h, who, 'POST', '/me/factors/sms', { phone });
  expect(started.statusCode, started.body).toBe(201);
  const { id } = started.json() as { id: string };
  const confirmed = await call(h, who, 'POST', `/me/factors/sms/${id}/confirm`, { code: lastCodeTo(phone) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { id, backupCodes: confirmed.json().backupCodes as string[] | null };
}

describe('adding a phone number', () => {
  it('texts a code through Twilio, stores the number sealed, counts once confirmed; mails and logs it', async () => {
    const { admin, person, userId } = await member();
    expect((await call(h, person, 'GET', '/me/factors')).json()).toMatchObject({ items: [], smsAvailable: true });
    const started = await call(h, person, 'POST', '/me/factors/sms', { phone: '+49 170 123-4567' });
    expect(started.statusCode, started.body).toBe(201);
    const { id, phone, resendAfter, expiresAt } = started.json();
    expect(phone).toBe('+49 ••• ••• 67');
    expect(resendAfter).toBe(60);
    expect(new Date(expiresAt).getTime() - Date.now()).toBeLessThanOrEqual(5 * 60_000);
    const code = lastCodeTo(PHONE);
    expect((await call(h, person, 'GET', '/me/factors')).json().items).toEqual([]);
    const [row] = await withClaims(h.database.db, { userId }, async (tx) =>
      rowsOf<{ secret: Uint8Array; phone_hint: string }>(
        await tx.execute(sql`select secret, phone_hint from user_factors where id = ${id}`),
      ),
    );
    expect(Buffer.from(row!.secret).toString('latin1')).not.toContain('1701234567');
    const codes = await withClaims(h.database.db, { userId }, async (tx) =>
      rowsOf<{ code_hash: string }>(await tx.execute(sql`select code_hash from sms_codes where user_id = ${userId}`)),
    );
    expect(codes).toHaveLength(1);
    expect(codes[0]!.code_hash).not.toContain(code);

    const wrong = await call(h, person, 'POST', `/me/factors/sms/${id}/confirm`, { code: wrongOf(code) });
    expect(expectProblem(wrong, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'code',
      rule: 'wrong_code',
    });
    const res = await call(h, person, 'POST', `/me/factors/sms/${id}/confirm`, { code });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().factor).toMatchObject({ id, kind: 'sms', name: 'Text message', confirmed: true, phone });
    expect(res.json().backupCodes).toHaveLength(10);
    expect((await call(h, person, 'GET', '/me/factors')).json()).toMatchObject({
      items: [{ id, kind: 'sms', phone: '+49 ••• ••• 67' }],
      backupCodesLeft: 10,
    });
    const [added] = await auditEvents(h, admin, '&action=auth.factor_added');
    expect(added).toMatchObject({ objectId: userId });
    await h.sink.waitFor((m) => m.to.includes(person.email) && m.subject === 'A second factor was added');
    const again = await call(h, person, 'POST', `/me/factors/sms/${id}/confirm`, { code });
    expect(expectProblem(again, 409, 'conflict').reason).toBe('factor_confirmed');
    // Neither the code nor the whole number is ever logged.
    const logs = h.logs.join('\n');
    expect(logs).not.toContain(code);
    expect(logs).not.toContain('1701234567');
  });

  it('texts in the person’s language', async () => {
    const { person } = await member();
    expect((await call(h, person, 'PATCH', '/me', { locale: 'de' })).statusCode).toBe(200);
    const phone = uniquePhone();
    expect((await call(h, person, 'POST', '/me/factors/sms', { phone })).statusCode).toBe(201);
    lastCodeTo(phone, /^Ihr Deedbox-Code lautet (\d{6})\. Er läuft in 5 Minuten ab\.$/);
  });

  it('refuses bad numbers, foreign factors, no session and API keys', async () => {
    const { admin, person } = await member();
    const stranger = (await member()).person;
    for (const phone of ['0170 1234567', '+0123456789', 'call me', '+12345']) {
      const bad = await call(h, person, 'POST', '/me/factors/sms', { phone });
      expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'phone', rule: 'phone' });
    }
    expectProblem(await call(h, person, 'POST', '/me/factors/sms', {}), 422, 'validation_failed');
    const phone = uniquePhone();
    const { id } = (await call(h, person, 'POST', '/me/factors/sms', { phone })).json();
    const code = lastCodeTo(phone);
    const confirm = (who: Caller | null, factorId: string, body: object) =>
      call(h, who, 'POST', `/me/factors/sms/${factorId}/confirm`, body);
    expectProblem(await confirm(person, id, { code: 'abcdef' }), 422, 'validation_failed');
    expectProblem(await confirm(person, 'not-a-uuid', { code }), 422, 'validation_failed');
    expectProblem(await confirm(stranger, id, { code }), 404, 'not_found');
    expectProblem(await confirm(null, id, { code }), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', '/me/factors/sms', { phone }), 401, 'unauthenticated');
    const key = {
      bearer: (await call(h, admin, 'POST', '/api-keys', { name: 'ERP', role: 'administrator' })).json().token,
    };
    expectProblem(await confirm(key, id, { code }), 403, 'forbidden');
    expectProblem(await call(h, key, 'POST', '/me/factors/sms', { phone }), 403, 'forbidden');
    // A TOTP factor's id is not an SMS factor.
    const totp = (await call(h, person, 'POST', '/me/factors/totp', {})).json();
    expectProblem(await confirm(person, totp.id, { code }), 404, 'not_found');
  });
});

describe('SMS codes', () => {
  it('are refused when wrong five times, expired or replayed', async () => {
    const { person, userId } = await member();
    const phone = uniquePhone();
    const { id } = (await call(h, person, 'POST', '/me/factors/sms', { phone })).json();
    const code = lastCodeTo(phone);
    const confirm = (c: string) => call(h, person, 'POST', `/me/factors/sms/${id}/confirm`, { code: c });
    for (let i = 0; i < 5; i++) expectProblem(await confirm(wrongOf(code)), 422, 'validation_failed');
    // Five wrong tries spend the code: even the right one no longer works.
    expect(expectProblem(await confirm(code), 422, 'validation_failed').errors?.[0]?.rule).toBe('wrong_code');

    // A new number replaces the enrolment never confirmed; its code runs out after five minutes.
    await shiftCodes(userId, 'created_at', 61);
    const { id: newId } = (await call(h, person, 'POST', '/me/factors/sms', { phone })).json();
    expect(newId).not.toBe(id);
    const expiring = lastCodeTo(phone);
    await shiftCodes(userId, 'expires_at', 301);
    const expired = await call(h, person, 'POST', `/me/factors/sms/${newId}/confirm`, { code: expiring });
    expectProblem(expired, 422, 'validation_failed');
  });

  it('go at most once a minute and five times an hour per person', async () => {
    const { person, userId } = await member();
    const phone = uniquePhone();
    const send = () => call(h, person, 'POST', '/me/factors/sms', { phone });
    expect((await send()).statusCode).toBe(201);
    const soon = expectProblem(await send(), 429, 'rate_limited');
    expect(soon.reason).toBe('sms_throttled');
    expect(soon.params?.seconds).toBeGreaterThan(0);
    expect(soon.params?.seconds).toBeLessThanOrEqual(60);
    for (let i = 0; i < 4; i++) {
      await shiftCodes(userId, 'created_at', 61);
      expect((await send()).statusCode).toBe(201);
    }
    await shiftCodes(userId, 'created_at', 61);
    const hourly = expectProblem(await send(), 429, 'rate_limited');
    expect(hourly.params?.seconds).toBeGreaterThan(60);
    expect(twilio.messages.filter((m) => m.to === phone)).toHaveLength(5);
  });

  it('let one of two requests at once through, never both', async () => {
    const { person } = await member();
    const phone = uniquePhone();
    const both = await Promise.all([0, 1].map(() => call(h, person, 'POST', '/me/factors/sms', { phone })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 429]);
    expect(twilio.messages.filter((m) => m.to === phone)).toHaveLength(1);
  });

  it('answers a number the provider refuses with 422 and a passing failure with 503, leaving nothing behind', async () => {
    const { person, userId } = await member();
    const phone = uniquePhone();
    twilio.failNext(400, 21610, 'Attempt to send to unsubscribed recipient');
    const refused = await call(h, person, 'POST', '/me/factors/sms', { phone });
    expect(expectProblem(refused, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'phone',
      rule: 'unreachable',
    });
    twilio.failNext(503, 20500, 'Service unavailable');
    const down = await call(h, person, 'POST', '/me/factors/sms', { phone });
    expect(expectProblem(down, 503, 'unavailable').reason).toBe('sms_unavailable');
    const left = await withClaims(h.database.db, { userId }, async (tx) => [
      ...rowsOf(await tx.execute(sql`select id from user_factors where user_id = ${userId}`)),
      ...rowsOf(await tx.execute(sql`select id from sms_codes where user_id = ${userId}`)),
    ]);
    expect(left).toEqual([]);
    // Failed texts do not count on the rate limit.
    expect((await call(h, person, 'POST', '/me/factors/sms', { phone })).statusCode).toBe(201);
  });
});

describe('an administrator', () => {
  it('cannot rely on SMS alone: not as the first factor, nor by removing the last other one', async () => {
    const admin = await signUpOrg(h);
    const phone = uniquePhone();
    const alone = await call(h, admin, 'POST', '/me/factors/sms', { phone });
    expect(expectProblem(alone, 409, 'conflict').reason).toBe('sms_not_alone');
    expect(twilio.messages.some((m) => m.to === phone)).toBe(false);
    const totp = await enrolTotp(h, admin);
    const sms = await enrolSms(admin, phone);
    expect(sms.backupCodes).toBeNull();
    const removeTotp = await call(h, admin, 'DELETE', `/me/factors/${totp.id}`, { password: PASSWORD });
    expect(expectProblem(removeTotp, 409, 'conflict').reason).toBe('sms_not_alone');
    expect((await call(h, admin, 'DELETE', `/me/factors/${sms.id}`, { password: PASSWORD })).statusCode).toBe(204);
    expect((await call(h, admin, 'DELETE', `/me/factors/${totp.id}`, { password: PASSWORD })).statusCode).toBe(204);
  });
});

describe('signing in with a text message', () => {
  it('offers SMS, texts a code to the pending sign-in, takes it once; wrong ones count and are logged', async () => {
    const { admin, person, userId } = await member();
    const phone = uniquePhone();
    const factor = await enrolSms(person, phone);
    const ip = '10.14.0.1';
    const first = await signInAt(h, ip, person.email, PASSWORD);
    expect(first.json().secondFactor.kinds).toEqual(['sms', 'backup_code']);
    const pending = pendingFrom(first);
    expectProblem(await call(h, null, 'POST', '/auth/second-factor/sms-code', {}), 401, 'unauthenticated');
    expectProblem(
      await call(h, pending, 'POST', '/auth/second-factor/sms-code', { factorId: crypto.randomUUID() }),
      404,
      'not_found',
    );
    await shiftCodes(userId, 'created_at', 61);
    const sent = await call(h, pending, 'POST', '/auth/second-factor/sms-code', {});
    expect(sent.statusCode, sent.body).toBe(200);
    expect(sent.json()).toMatchObject({ id: factor.id, phone: `+49 ••• ••• ${phone.slice(-2)}`, resendAfter: 60 });
    const code = lastCodeTo(phone);
    const wrong = await secondFactorAt(h, ip, pending, 'sms', wrongOf(code));
    expect(expectProblem(wrong, 422, 'validation_failed').errors?.[0]?.rule).toBe('wrong_code');
    const [failed] = await auditEvents(h, admin, '&action=auth.second_factor_failed');
    expect(failed).toMatchObject({ objectId: userId });
    const ok = await secondFactorAt(h, ip, pending, 'sms', code);
    expect(ok.statusCode, ok.body).toBe(200);
    const signedIn = (await auditEvents(h, admin, '&action=auth.signed_in')).find((e) => e.actor?.id === userId);
    expect(signedIn).toBeDefined();

    // Replayed in a new sign-in: refused.
    const next = pendingFrom(await signInAt(h, ip, person.email, PASSWORD));
    expectProblem(await secondFactorAt(h, ip, next, 'sms', code), 422, 'validation_failed');
    // Five wrong codes end the pending sign-in.
    for (let i = 0; i < 3; i++)
      expectProblem(await secondFactorAt(h, ip, next, 'sms', wrongOf(code)), 422, 'validation_failed');
    const over = await secondFactorAt(h, ip, next, 'sms', wrongOf(code));
    expect(expectProblem(over, 422, 'validation_failed').errors?.[0]?.rule).toBe('too_many_attempts');
  });
});

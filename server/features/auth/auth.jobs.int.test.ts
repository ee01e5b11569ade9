import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../db/client.js';
import { transact } from '../../platform/context.js';
import { call, PASSWORD, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { sweepExpiredAuth } from './auth.jobs.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const asOwner = (statement: ReturnType<typeof sql>) => h.database.db.execute(statement);
const deps = () => h.app.deps;

async function pendingFor(email: string): Promise<number> {
  return rowsOf(await asOwner(sql`select 1 from pending_sign_ups where email = ${email}`)).length;
}

async function throttlesFrom(ip: string): Promise<number> {
  return rowsOf(await asOwner(sql`select 1 from sign_in_throttles where ip = ${ip}`)).length;
}

async function sessionsOf(orgIds: string[]): Promise<number[]> {
  const counts = [];
  for (const id of orgIds) counts.push(rowsOf(await asOwner(sql`select 1 from sessions where org_id = ${id}`)).length);
  return counts;
}

const signUp = (email: string) =>
  call(h, null, 'POST', '/auth/sign-up', { name: 'Sam', email, password: PASSWORD, companyName: 'Sweep Ltd' });

const failSignIn = (ip: string) =>
  h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/sign-in',
    remoteAddress: ip,
    payload: { email: uniqueEmail('nobody'), password: 'wrong password, surely' },
  });

describe('the hourly sweep of sign-up and sign-in leftovers', () => {
  it('deletes pending sign-ups whose link expired and keeps those still valid', async () => {
    const expired = uniqueEmail('expired');
    const valid = uniqueEmail('valid');
    expect((await signUp(expired)).statusCode).toBe(202);
    expect((await signUp(valid)).statusCode).toBe(202);
    await asOwner(sql`update pending_sign_ups set expires_at = now() - interval '1 minute' where email = ${expired}`);
    await sweepExpiredAuth(deps());
    expect(await pendingFor(expired)).toBe(0);
    expect(await pendingFor(valid)).toBe(1);
  });

  it('deletes throttle counters quiet for an hour and keeps recent ones and running blocks', async () => {
    const [old, recent, blocked] = ['203.0.113.71', '203.0.113.72', '203.0.113.73'];
    for (const ip of [old, recent, blocked]) expect((await failSignIn(ip)).statusCode).toBe(401);
    await asOwner(
      sql`update sign_in_throttles set last_failed_at = now() - interval '2 hours' where ip in (${old}, ${blocked})`,
    );
    await asOwner(sql`update sign_in_throttles set blocked_until = now() + interval '5 minutes' where ip = ${blocked}`);
    await sweepExpiredAuth(deps());
    expect(await throttlesFrom(old)).toBe(0);
    expect(await throttlesFrom(recent)).toBeGreaterThan(0);
    expect(await throttlesFrom(blocked)).toBeGreaterThan(0);
  });

  it('deletes passkey challenges nobody answered in time and keeps live ones', async () => {
    const start = () =>
      h.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', remoteAddress: '203.0.113.74' });
    const challengeOf = async () => ((await start()).json() as { options: { challenge: string } }).options.challenge;
    const [old, live] = [await challengeOf(), await challengeOf()];
    const left = async (c: string) =>
      rowsOf(await asOwner(sql`select 1 from webauthn_challenges where challenge = ${c}`)).length;
    await asOwner(
      sql`update webauthn_challenges set expires_at = now() - interval '1 minute' where challenge = ${old}`,
    );
    await sweepExpiredAuth(deps());
    expect(await left(old)).toBe(0);
    expect(await left(live)).toBe(1);
  });

  it('deletes sessions past their expiry in every org and keeps live ones', async () => {
    const [a, b] = [await signUpOrg(h, 'Sweep A'), await signUpOrg(h, 'Sweep B')];
    const live = await signUpOrg(h, 'Sweep C');
    await asOwner(
      sql`update sessions set expires_at = now() - interval '1 minute' where org_id in (${a.me.org.id}, ${b.me.org.id})`,
    );
    const before = await sessionsOf([a.me.org.id, b.me.org.id, live.me.org.id]);
    expect(before).toEqual([1, 1, 1]);
    const { sessions } = await sweepExpiredAuth(deps());
    expect(sessions).toBeGreaterThanOrEqual(2);
    expect(await sessionsOf([a.me.org.id, b.me.org.id, live.me.org.id])).toEqual([0, 0, 1]);
    expect((await call(h, live, 'GET', '/me')).statusCode).toBe(200);
  });

  it('reaches nothing without the sweep claim: the policy, not the statement, picks the rows', async () => {
    const email = uniqueEmail('unswept');
    expect((await signUp(email)).statusCode).toBe(202);
    await asOwner(sql`update pending_sign_ups set expires_at = now() - interval '1 minute' where email = ${email}`);
    const seen = await transact(deps(), {}, async (tx) =>
      rowsOf(await tx.execute(sql`select 1 from pending_sign_ups`)),
    );
    expect(seen).toEqual([]);
  });
});

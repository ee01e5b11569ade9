import * as crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { call, PASSWORD, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, type Res, startHarness } from '../../test/harness.js';

// Every scrypt derivation, counted: "takes alike" is proven by the same expensive work running, not by a clock.
vi.mock('node:crypto', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:crypto')>();
  return { ...actual, scrypt: vi.fn(actual.scrypt) };
});
const scrypt = vi.mocked(crypto.scrypt);

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Status, body without the request id, and the scrypt derivations it took. */
async function answer(request: () => Promise<Res>) {
  scrypt.mockClear();
  const res = await request();
  const { requestId: _, ...body } = res.json() as { requestId?: string };
  return { status: res.statusCode, body, cookies: res.cookies.length, scrypt: scrypt.mock.calls.length };
}

describe('whether an address is registered cannot be told', () => {
  it('from sign-in: a wrong password and an unknown address answer alike after one scrypt check each', async () => {
    const admin = await signUpOrg(h);
    // The dummy hash is made on first use; make it before counting.
    await call(h, null, 'POST', '/auth/sign-in', { email: uniqueEmail('warm'), password: PASSWORD });
    const known = await answer(() =>
      call(h, null, 'POST', '/auth/sign-in', { email: admin.email, password: 'wrong-password-1' }),
    );
    const unknown = await answer(() =>
      call(h, null, 'POST', '/auth/sign-in', { email: uniqueEmail('nobody'), password: 'wrong-password-1' }),
    );
    expect(known).toEqual(unknown);
    expect(known).toMatchObject({ status: 401, body: { code: 'invalid_credentials' }, scrypt: 1 });
  });

  it('from sign-up: a registered and a new address answer alike after one scrypt hash each', async () => {
    const admin = await signUpOrg(h);
    const body = (email: string) => ({ name: 'Eve', email, password: 'a-long-enough-secret', companyName: 'Eve AG' });
    const known = await answer(() => call(h, null, 'POST', '/auth/sign-up', body(admin.email)));
    const unknown = await answer(() => call(h, null, 'POST', '/auth/sign-up', body(uniqueEmail('new'))));
    expect(known).toEqual(unknown);
    expect(known).toEqual({ status: 202, body: {}, cookies: 0, scrypt: 1 });
  });

  it('from forgot-password: both answer alike, and only the owner gets a link', async () => {
    const admin = await signUpOrg(h);
    const ghost = uniqueEmail('ghost');
    const known = await answer(() => call(h, null, 'POST', '/auth/forgot-password', { email: admin.email }));
    const unknown = await answer(() => call(h, null, 'POST', '/auth/forgot-password', { email: ghost }));
    expect(known).toEqual(unknown);
    expect(known).toEqual({ status: 202, body: {}, cookies: 0, scrypt: 0 });
    await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('Reset'));
    expect(h.sink.messages.some((m) => m.to.includes(ghost))).toBe(false);
  });
});

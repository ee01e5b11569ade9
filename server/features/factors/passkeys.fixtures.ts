import { expect } from 'vitest';
import type { AuthenticationResponse } from '../../../common/schemas/factors.js';
import { type Caller, call } from '../../test/api.js';
import type { Harness } from '../../test/harness.js';
import { SoftAuthenticator } from '../../test/soft-authenticator.js';

export { SoftAuthenticator };

/** Registers a passkey of the soft authenticator as the caller; answers the confirmation's body. */
export async function registerPasskey(h: Harness, who: Caller, device: SoftAuthenticator, name = 'Laptop') {
  const started = await call(h, who, 'POST', '/me/factors/passkey', { name });
  expect(started.statusCode, started.body).toBe(201);
  const { id, options } = started.json();
  const confirmed = await call(h, who, 'POST', `/me/factors/passkey/${id}/confirm`, {
    response: device.register(options),
  });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return confirmed.json() as { factor: { id: string; name: string }; backupCodes: string[] | null };
}

/** Starts a passwordless sign-in from an address: the challenge and the cookie that binds it to this browser. */
export async function passkeyOptionsAt(h: Harness, ip: string) {
  const res = await h.app.inject({ method: 'POST', url: '/api/v1/auth/passkey/options', remoteAddress: ip });
  expect(res.statusCode, res.body).toBe(200);
  const cookie = res.cookies.find((c) => c.name === 'dbx_passkey')!;
  return { challenge: res.json().options.challenge as string, cookie: `dbx_passkey=${cookie.value}` };
}

export function passkeySignInAt(h: Harness, ip: string, cookie: string | null, response: AuthenticationResponse) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/passkey/sign-in',
    remoteAddress: ip,
    headers: { 'user-agent': 'vitest', ...(cookie ? { cookie } : {}) },
    payload: { response },
  });
}

import { expect } from 'vitest';
import { type Caller, call } from '../../test/api.js';
import type { Harness, Res } from '../../test/harness.js';
import { timeStep, totpCode } from './totp.js';

export interface Enrolled {
  id: string;
  secret: string;
  backupCodes: string[];
  /** The time step whose code confirmed the factor: only later ones sign in. */
  step: number;
}

/** The code of `step` (a code is accepted within one step of the server's now, once). */
export const codeOfStep = (secret: string, step: number) => totpCode(secret, step * 30_000);

/** A code the factor takes now: of this step, or the next one when this one is spent. */
export const freshCode = (factor: Enrolled) =>
  codeOfStep(factor.secret, Math.max(timeStep(Date.now()), factor.step + 1));

/** Enrols an authenticator app as the caller and confirms it with the code of this step, as a person would. */
export async function enrolTotp(h: Harness, who: Caller): Promise<Enrolled> {
  const started = await call(h, who, 'POST', '/me/factors/totp', { name: 'Phone' });
  expect(started.statusCode, started.body).toBe(201);
  const { id, secret } = started.json() as { id: string; secret: string };
  const step = timeStep(Date.now());
  const confirmed = await call(h, who, 'POST', `/me/factors/totp/${id}/confirm`, { code: codeOfStep(secret, step) });
  expect(confirmed.statusCode, confirmed.body).toBe(200);
  return { id, secret, backupCodes: confirmed.json().backupCodes ?? [], step };
}

/** The pending sign-in a 202 answer opened: its cookie and CSRF token. */
export function pendingFrom(res: Res): Caller {
  expect(res.statusCode, res.body).toBe(202);
  const session = res.cookies.find((c) => c.name.endsWith('dbx_session'))!;
  return { cookie: `${session.name}=${session.value}`, csrf: (res.json() as { csrfToken: string }).csrfToken };
}

/** Answers a pending sign-in from the given address. */
export function secondFactorAt(
  h: Harness,
  ip: string,
  who: Caller,
  kind: 'totp' | 'sms' | 'backup_code',
  code: string,
) {
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/auth/second-factor',
    remoteAddress: ip,
    headers: { 'user-agent': 'vitest', cookie: who.cookie!, 'x-csrf-token': who.csrf! },
    payload: { kind, code },
  });
}

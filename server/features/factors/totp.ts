import { Secret, TOTP } from 'otpauth';

/** RFC 6238 as every authenticator app speaks it: SHA-1, 6 digits, 30-second steps. */
export const TOTP_PERIOD_S = 30;
const DIGITS = 6;
/** One step either side of now: a clock that is up to 30 seconds off still works. */
const WINDOW = 1;
const ISSUER = 'Deedbox';

/** A fresh random secret (20 bytes, as RFC 4226 recommends), in base32 as apps show it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

function totp(secret: string, label = 'Deedbox'): TOTP {
  return new TOTP({
    issuer: ISSUER,
    label,
    secret: Secret.fromBase32(secret),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: TOTP_PERIOD_S,
  });
}

/** The `otpauth://totp/…` address an app reads from the QR code. */
export function totpUri(secret: string, label: string): string {
  return totp(secret, label).toString();
}

/** The time step a moment falls in. */
export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_S);
}

/** The code for a moment (tests and the e2e journey compute codes as an app would). */
export function totpCode(secret: string, nowMs: number): string {
  return totp(secret).generate({ timestamp: nowMs });
}

/**
 * The time step the code belongs to when it is valid within ±1 step of now and later than
 * `lastStep` (a code is accepted once: the same or an older step is a replay); otherwise null.
 */
export function acceptedStep(secret: string, code: string, nowMs: number, lastStep: number | null): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totp(secret).validate({ token, timestamp: nowMs, window: WINDOW });
  // 0 (this step) is falsy: only null means no match.
  if (delta === null) return null;
  const step = timeStep(nowMs) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

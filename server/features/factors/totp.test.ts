import { Secret } from 'otpauth';
import { describe, expect, it } from 'vitest';
import { acceptedStep, newTotpSecret, timeStep, totpCode, totpUri } from './totp.js';

/** RFC 6238 appendix B, SHA-1, seed "12345678901234567890": T (seconds) → 8-digit code. */
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];
const RFC_SECRET = Secret.fromLatin1('12345678901234567890').base32;

describe('TOTP (RFC 6238)', () => {
  it('computes the RFC test vectors (6 digits: the last 6 of the 8-digit code)', () => {
    for (const [t, code] of RFC_VECTORS) expect(totpCode(RFC_SECRET, t * 1000)).toBe(code.slice(2));
  });

  it('accepts each vector at its own time and names its step', () => {
    for (const [t, code] of RFC_VECTORS) {
      expect(acceptedStep(RFC_SECRET, code.slice(2), t * 1000, null)).toBe(Math.floor(t / 30));
    }
  });

  it('accepts one step either side of now and nothing further', () => {
    const now = 1_700_000_015_000;
    const step = timeStep(now);
    const at = (offsetSteps: number) => totpCode(RFC_SECRET, now + offsetSteps * 30_000);
    expect(acceptedStep(RFC_SECRET, at(0), now, null)).toBe(step);
    expect(acceptedStep(RFC_SECRET, at(-1), now, null)).toBe(step - 1);
    expect(acceptedStep(RFC_SECRET, at(1), now, null)).toBe(step + 1);
    expect(acceptedStep(RFC_SECRET, at(-2), now, null)).toBeNull();
    expect(acceptedStep(RFC_SECRET, at(2), now, null)).toBeNull();
  });

  it('refuses a replay: a code of the last accepted step or an earlier one', () => {
    const now = 1_700_000_015_000;
    const step = timeStep(now);
    const code = totpCode(RFC_SECRET, now);
    expect(acceptedStep(RFC_SECRET, code, now, step - 1)).toBe(step);
    expect(acceptedStep(RFC_SECRET, code, now, step)).toBeNull();
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, now - 30_000), now, step)).toBeNull();
    expect(acceptedStep(RFC_SECRET, totpCode(RFC_SECRET, now + 30_000), now, step)).toBe(step + 1);
  });

  it('refuses malformed and wrong codes, and reads a code typed with a space', () => {
    const now = 1_700_000_015_000;
    const code = totpCode(RFC_SECRET, now);
    expect(acceptedStep(RFC_SECRET, `${code.slice(0, 3)} ${code.slice(3)}`, now, null)).toBe(timeStep(now));
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (const bad of ['', '12345', '1234567', 'abcdef', wrong]) {
      expect(acceptedStep(RFC_SECRET, bad, now, null)).toBeNull();
    }
  });

  it('makes 20-byte secrets and an otpauth URI that apps read', () => {
    const secret = newTotpSecret();
    expect(Secret.fromBase32(secret).bytes).toHaveLength(20);
    expect(newTotpSecret()).not.toBe(secret);
    const uri = new URL(totpUri(secret, 'ada@example.com'));
    expect(`${uri.protocol}//${uri.host}`).toBe('otpauth://totp');
    expect(decodeURIComponent(uri.pathname)).toBe('/Deedbox:ada@example.com');
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: 'Deedbox',
      secret,
      algorithm: 'SHA1',
      digits: '6',
      period: '30',
    });
  });
});

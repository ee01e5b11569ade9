import { createHmac } from 'node:crypto';
import { hashToken, newToken, safeEqual } from '../../platform/crypto/tokens.js';

/**
 * One-time codes by e-mail, the optional second check of a signing link (docs/design/signing-and-approvals.md §4
 * step 2). A code is derived, never stored: HMAC(SECRET_KEY, purpose ‖ recipient ‖ serial), six digits. The
 * recipient row keeps only the serial, its expiry and the wrong tries; a verified code becomes a short session
 * whose cookie only the recipient's browser holds (its SHA-256 on the row).
 */
export const CODE_LIMITS = {
  /** A code works this long after it was sent, and once. */
  ttlMs: 10 * 60_000,
  /** Codes to one recipient: one a minute, five an hour. */
  gapMs: 60_000,
  perHour: 5,
  /** Wrong tries on one code before it is burnt; burnt codes in an hour before codes are locked for an hour. */
  tries: 5,
  burnsBeforeLock: 3,
  lockMs: 3600_000,
  /** A confirmed code lets this browser view, sign or decline for this long. */
  sessionMs: 30 * 60_000,
} as const;

const PURPOSE = 'deedbox.signing-code';
export const CODE_COOKIE = 'deedbox_sign';

/** The recipient's code of this serial: six digits, leading zeros kept. */
export function signingCode(secretKey: string, recipientId: string, serial: number): string {
  const mac = createHmac('sha256', secretKey).update(`${PURPOSE}\0${recipientId}\0${serial}`).digest();
  // 48 bits modulo 10^6: the bias is below 2^-28.
  return String(mac.readUIntBE(0, 6) % 1_000_000).padStart(6, '0');
}

export function codeMatches(secretKey: string, recipientId: string, serial: number, given: string): boolean {
  return safeEqual(signingCode(secretKey, recipientId, serial), given);
}

/** A new code session: the cookie's value for the browser, its hash for the row. */
export function newCodeSession(): { token: string; hash: string } {
  const token = newToken();
  return { token, hash: hashToken(token) };
}

/** Whether the browser's cookie is the recipient's live code session. */
export function holdsCodeSession(
  row: { sessionHash: string | null; sessionExpiresAt: Date | null },
  cookie: string | undefined,
  now: Date,
): boolean {
  if (!cookie || !row.sessionHash || !row.sessionExpiresAt || row.sessionExpiresAt <= now) return false;
  return safeEqual(hashToken(cookie), row.sessionHash);
}

/** The cookie is scoped to the link's own API paths, so two links in one browser never share a session. */
export function codeCookiePath(token: string): string {
  return `/api/v1/signing/${token}`;
}

import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError } from '../errors.js';

const MAC_BYTES = 32;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The answer to a malformed, altered or forged link: the same for all, so it names nothing. */
export const invalidLink = () => new AppError('not_found', 'This link is not valid.');

export function uuidBytes(id: string): Buffer {
  if (!UUID.test(id)) throw new Error(`not a UUID: ${id}`);
  return Buffer.from(id.replaceAll('-', ''), 'hex');
}

export function uuidText(bytes: Buffer): string {
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

// A purpose prefix (`deedbox.reminder-link`) keeps these MACs apart from every other use of the secret key.
const mac = (secretKey: string, purpose: string, body: Buffer) =>
  createHmac('sha256', secretKey).update(`${purpose}\0`).update(body).digest();

/** base64url of the body and its HMAC-SHA256 under the secret key. */
export function signToken(secretKey: string, purpose: string, body: Buffer): string {
  return Buffer.concat([body, mac(secretKey, purpose, body)]).toString('base64url');
}

/**
 * The body of a token of `bodyBytes` bytes, checked in order: charset, length and round trip, then the
 * MAC in constant time; anything else is not_found.
 */
export function openToken(secretKey: string, purpose: string, token: string, bodyBytes: number): Buffer {
  if (!/^[A-Za-z0-9_-]+$/.test(token)) throw invalidLink();
  const raw = Buffer.from(token, 'base64url');
  if (raw.length !== bodyBytes + MAC_BYTES || raw.toString('base64url') !== token) throw invalidLink();
  const body = raw.subarray(0, bodyBytes);
  if (!timingSafeEqual(raw.subarray(bodyBytes), mac(secretKey, purpose, body))) throw invalidLink();
  return body;
}

/** A link's expiry, unix seconds at `offset`: gone once passed. */
export function readExpiry(body: Buffer, offset: number, now: Date): Date {
  const expiresAt = new Date(body.readUInt32BE(offset) * 1000);
  if (expiresAt.getTime() <= now.getTime()) throw AppError.because('gone', 'link_expired', 'This link has expired.');
  return expiresAt;
}

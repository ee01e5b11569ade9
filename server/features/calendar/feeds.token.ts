import { createHmac } from 'node:crypto';
import { safeEqual } from '../../platform/crypto/tokens.js';

const ID_BYTES = 16;
const MAC_BYTES = 24;
/** base64url of 40 bytes, without padding. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{54}$/;

function mac(secretKey: string, feedId: string): Buffer {
  return createHmac('sha256', secretKey).update(`calendar-feed:${feedId}`).digest().subarray(0, MAC_BYTES);
}

/**
 * The feed's secret, derived rather than stored, so its URL can be shown again:
 * base64url(feed id bytes ‖ first 24 bytes of HMAC-SHA256(secret key, "calendar-feed:" + id)).
 */
export function feedToken(secretKey: string, feedId: string): string {
  const id = Buffer.from(feedId.replaceAll('-', ''), 'hex');
  return Buffer.concat([id, mac(secretKey, feedId)]).toString('base64url');
}

/** The feed id a token names when this server made it; null for anything altered or malformed. */
export function feedIdOf(secretKey: string, token: string): string | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  if (bytes.length !== ID_BYTES + MAC_BYTES) return null;
  const hex = bytes.subarray(0, ID_BYTES).toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  // Comparing whole tokens also refuses a non-canonical spelling of the same bytes.
  return safeEqual(token, feedToken(secretKey, id)) ? id : null;
}

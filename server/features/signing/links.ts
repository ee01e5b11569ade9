import type { Config } from '../../config.js';
import {
  invalidLink,
  openToken,
  readExpiry,
  signToken,
  uuidBytes,
  uuidText,
} from '../../platform/links/signed-token.js';

export type SigningLinkPurpose = 'sign' | 'download';

export interface SigningLinkPayload {
  purpose: SigningLinkPurpose;
  /** The recipient's `link_generation` when made: a changed address raises it and old links stop working. */
  generation: number;
  orgId: string;
  recipientId: string;
  expiresAt: Date;
}

/**
 * Token layout (base64url, docs/design/signing-and-approvals.md §4): version, purpose, org id, recipient id
 * (16 bytes each), link generation (uint16), expiry in unix seconds (uint32), then the HMAC-SHA256 of those
 * 40 bytes. 96 characters in all.
 */
const VERSION = 1;
const BODY_BYTES = 1 + 1 + 16 + 16 + 2 + 4;
const PURPOSES: readonly SigningLinkPurpose[] = ['sign', 'download'];
const PURPOSE = 'deedbox.signing-link';
export const SIGNING_TOKEN_LENGTH = 96;

export function signingLinkToken(secretKey: string, p: SigningLinkPayload): string {
  const body = Buffer.alloc(BODY_BYTES);
  body.writeUInt8(VERSION, 0);
  body.writeUInt8(PURPOSES.indexOf(p.purpose), 1);
  uuidBytes(p.orgId).copy(body, 2);
  uuidBytes(p.recipientId).copy(body, 18);
  body.writeUInt16BE(p.generation, 34);
  body.writeUInt32BE(Math.floor(p.expiresAt.getTime() / 1000), 36);
  return signToken(secretKey, PURPOSE, body);
}

/** The page a recipient signs on (or downloads from), `${APP_URL}/sign/<token>`. */
export function signingLinkUrl(config: Pick<Config, 'appUrl' | 'secretKey'>, p: SigningLinkPayload): string {
  return `${config.appUrl}/sign/${signingLinkToken(config.secretKey, p)}`;
}

/** A recipient's download of the sealed document, `${APP_URL}/api/v1/signing/<token>/document` (no page: the PDF itself). */
export function signedDocumentUrl(config: Pick<Config, 'appUrl' | 'secretKey'>, p: SigningLinkPayload): string {
  return `${config.appUrl}/api/v1/signing/${signingLinkToken(config.secretKey, p)}/document`;
}

/** The link's payload when it was made here for `purpose`; not_found when malformed, altered or of another purpose, gone when expired. */
export function readSigningLink(
  secretKey: string,
  token: string,
  purpose: SigningLinkPurpose,
  now: Date,
): SigningLinkPayload {
  const body = openToken(secretKey, PURPOSE, token, BODY_BYTES);
  if (body.readUInt8(0) !== VERSION || PURPOSES[body.readUInt8(1)] !== purpose) throw invalidLink();
  const expiresAt = readExpiry(body, 36, now);
  return {
    orgId: uuidText(body.subarray(2, 18)),
    recipientId: uuidText(body.subarray(18, 34)),
    generation: body.readUInt16BE(34),
    purpose,
    expiresAt,
  };
}

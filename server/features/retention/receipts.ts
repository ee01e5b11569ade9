import { createHash, createPrivateKey, createPublicKey, hkdfSync, type KeyObject, sign, verify } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../audit/audit.chain.js';

/**
 * A deletion receipt: what was deleted of one organization and when, without personal data,
 * signed with the deployment's Ed25519 key so anyone can check it offline (`deedbox receipts verify`).
 * The signature covers the canonical JSON (keys sorted, no spaces) of everything but `signature`.
 */
export const receiptBody = z.object({
  kind: z.literal('deedbox.deletion-receipt'),
  version: z.literal(1),
  deployment: z.string(),
  orgId: z.uuid(),
  /** SHA-256 (hex) of the organization's name as it was. */
  orgNameSha256: z.string().regex(/^[0-9a-f]{64}$/),
  reason: z.enum(['retention', 'request', 'operator']),
  startedAt: z.iso.datetime(),
  deletedAt: z.iso.datetime(),
  /** Rows per table, and `blobs` and `orgKeys`, as counted before deletion. */
  counts: z.record(z.string(), z.number().int().nonnegative()),
  /**
   * The org key is destroyed, so its files and encrypted fields are unreadable in every backup at
   * once; the rows themselves age out of backups by this date (deletion + BACKUP_RETENTION_DAYS).
   */
  backupsReadableUntil: z.iso.date(),
  /** The signing key's public half (SPKI, base64) and its SHA-256 fingerprint, to compare with the trust page. */
  publicKey: z.string(),
  keyFingerprint: z.string().regex(/^[0-9a-f]{64}$/),
});
export type ReceiptBody = z.infer<typeof receiptBody>;
export const receipt = receiptBody.extend({ signature: z.string() });
export type Receipt = z.infer<typeof receipt>;

/** PKCS#8 DER for an Ed25519 private key is this prefix and the 32-byte seed (RFC 8410). */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** The deployment's receipt key, derived from SECRET_KEY: stable as long as the deployment keeps its secret. */
export function receiptSigningKey(secretKey: string): KeyObject {
  const seed = Buffer.from(hkdfSync('sha256', secretKey, Buffer.alloc(0), 'deedbox/deletion-receipts', 32));
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

export function publicKeyOf(key: KeyObject): { publicKey: string; keyFingerprint: string } {
  const der = createPublicKey(key).export({ format: 'der', type: 'spki' });
  return { publicKey: der.toString('base64'), keyFingerprint: createHash('sha256').update(der).digest('hex') };
}

export function signReceipt(body: Omit<ReceiptBody, 'publicKey' | 'keyFingerprint'>, key: KeyObject): Receipt {
  const full: ReceiptBody = { ...body, ...publicKeyOf(key) };
  const signature = sign(null, Buffer.from(canonicalJson(full)), key).toString('base64');
  return { ...full, signature };
}

export type ReceiptCheck =
  | { ok: true; receipt: Receipt }
  | { ok: false; problem: 'not_a_receipt' | 'bad_signature' | 'other_key'; detail: string };

/**
 * Checks a receipt's signature, and that it was signed by `expectedKey` (this deployment's, or a
 * public key the operator published) — a receipt signed by any other key proves nothing.
 */
export function verifyReceipt(text: string, expectedPublicKey: string): ReceiptCheck {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'not_a_receipt', detail: 'the file is not JSON' };
  }
  const result = receipt.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    return { ok: false, problem: 'not_a_receipt', detail: `${issue.path.join('.') || 'receipt'}: ${issue.message}` };
  }
  const { signature, ...body } = result.data;
  if (body.publicKey !== expectedPublicKey) {
    return { ok: false, problem: 'other_key', detail: 'signed by another key than this deployment’s' };
  }
  const key = createPublicKey({ key: Buffer.from(body.publicKey, 'base64'), format: 'der', type: 'spki' });
  const good = verify(null, Buffer.from(canonicalJson(body)), key, Buffer.from(signature, 'base64'));
  return good
    ? { ok: true, receipt: result.data }
    : {
        ok: false,
        problem: 'bad_signature',
        detail: 'the signature does not match the content (changed after signing)',
      };
}

import { createHash, createHmac } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Tx } from '../../db/client.js';
import { idempotencyKeys } from '../../db/schema/index.js';
import { openText, sealText } from '../crypto/fields.js';
import { AppError } from '../errors.js';

/** How long the first answer to a key is kept and given again. */
export const IDEMPOTENCY_TTL_MS = 24 * 3600_000;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

declare module 'fastify' {
  interface FastifyRequest {
    /** Set when this answer is the stored first answer to the request's Idempotency-Key. */
    idempotentReplay?: boolean;
  }
}

export interface IdempotentCall {
  key: string;
  fingerprint: string;
}

/**
 * The POST's `Idempotency-Key` and what identifies the request behind it (route, parameters, query, body);
 * null for other methods and without the header. A multipart upload is not covered: its body is a stream.
 */
export function idempotentCall(req: FastifyRequest): IdempotentCall | null {
  const header = req.headers['idempotency-key'];
  if (req.method !== 'POST' || header === undefined) return null;
  const key = Array.isArray(header) ? header[0]! : header;
  if (!KEY_PATTERN.test(key)) {
    throw AppError.invalid('Idempotency-Key', 'format', 'must be 1 to 255 visible ASCII characters');
  }
  const body = req.isMultipart() ? null : req.body;
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([req.method, req.routeOptions.url, req.params, req.query, body ?? null]))
    .digest('hex');
  return { key, fingerprint };
}

type Where = { orgId: string; principalId: string; key: string };

/** The stored answer is sealed under a key of the server's secret and the org: it may hold a secret shown once. */
function answerKey(secretKey: string, orgId: string): Buffer {
  return createHmac('sha256', secretKey).update(`deedbox.idempotency\0${orgId}`).digest();
}
const answerContext = (w: Where) => `idempotency/${w.orgId}/${w.principalId}/${w.key}`;

const match = (w: Where) =>
  and(
    eq(idempotencyKeys.orgId, w.orgId),
    eq(idempotencyKeys.principalId, w.principalId),
    eq(idempotencyKeys.key, w.key),
  );

/**
 * Claims the key for this request, in the request's transaction. Answers `{ replay }` with the first answer
 * when the key was used before with the same request, refuses another request under the same key (422), and
 * otherwise holds the key until the transaction ends: a concurrent repeat waits for it, then replays.
 */
export async function claimIdempotencyKey(
  tx: Tx,
  secretKey: string,
  w: Where,
  call: IdempotentCall,
  now: Date,
): Promise<{ replay: unknown } | null> {
  await tx.delete(idempotencyKeys).where(and(match(w), sql`${idempotencyKeys.expiresAt} <= ${now}`));
  const [claimed] = await tx
    .insert(idempotencyKeys)
    .values({
      ...w,
      fingerprint: call.fingerprint,
      statusCode: 0,
      expiresAt: new Date(now.getTime() + IDEMPOTENCY_TTL_MS),
    })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key });
  if (claimed) return null;
  const [first] = await tx.select().from(idempotencyKeys).where(match(w));
  if (!first) throw AppError.because('conflict', 'concurrent_change', 'The same key is in use right now; try again.');
  if (first.fingerprint !== call.fingerprint) {
    throw AppError.invalid(
      'Idempotency-Key',
      'idempotency_key_reused',
      'was already used for a different request; use a new key for a new request',
    );
  }
  const text = first.body ? openText(answerKey(secretKey, w.orgId), answerContext(w), first.body) : 'null';
  return { replay: JSON.parse(text) };
}

/** Keeps the answer of the claimed key, in the same transaction as the work it answers for. */
export async function keepIdempotentAnswer(tx: Tx, secretKey: string, w: Where, answer: unknown): Promise<void> {
  const body =
    answer === undefined ? null : sealText(answerKey(secretKey, w.orgId), answerContext(w), JSON.stringify(answer));
  await tx.update(idempotencyKeys).set({ statusCode: 200, body }).where(match(w));
}

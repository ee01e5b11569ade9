import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { signingEnvelopes } from '../../db/schema/index.js';
import { type Ctx, type Deps, runInOrg } from '../../platform/context.js';
import { sealCertificateFor } from '../../platform/crypto/signing-certificate.js';
import { claimRows } from '../../platform/jobs/claim.js';
import { wake } from '../../platform/jobs/wake.js';
import { MAIL_SEND_JOB } from '../../platform/mail/mail.jobs.js';
import { enqueueMail } from '../../platform/mail/outbox.repo.js';
import {
  commitGeneratedVersion,
  type GeneratedSlot,
  reserveGeneratedBlob,
  writeGeneratedBlob,
} from '../documents/documents.generated.js';
import type { Received } from '../documents/documents.receive.js';
import { signingCompleted } from '../webhooks/webhooks.events.js';
import * as repo from './envelopes.repo.js';
import { noteEvent } from './envelopes.service.js';
import { queueSealFailed } from './outcome.js';
import { sealDocument } from './pdf/seal-document.js';
import { gather, sealFactsOf } from './seal.gather.js';
import { senderOf } from './signing-mail.repo.js';

const SEALER = { type: 'system' as const, name: 'deedbox signing' };
const LEASE_MS = 10 * 60_000;
const MAX_ATTEMPTS = 10;

const inOrg = <T>(deps: Deps, orgId: string, fn: (ctx: Ctx) => Promise<T>) =>
  runInOrg(
    deps,
    { orgId, actor: SEALER },
    { id: randomUUID(), ip: null, userAgent: 'deedbox-signing', via: 'cli' },
    fn,
  );

/** Step 1: one envelope due for sealing (pending, or running with its lease run out) becomes this worker's. */
function claim(ctx: Ctx, now: Date): Promise<{ id: string }[]> {
  return claimRows<{ id: string }>(ctx.tx, {
    table: signingEnvelopes,
    orgId: ctx.orgId,
    where: sql`seal_after <= ${now} AND (seal_state = 'pending' OR (seal_state = 'running' AND seal_lease_until < ${now}))`,
    orderBy: sql`seal_after`,
    limit: 1,
    set: sql`seal_state = 'running', seal_lease_until = ${new Date(now.getTime() + LEASE_MS)},
      seal_attempts = seal_attempts + 1, updated_at = now()`,
    returning: sql`id`,
  });
}

/** Step 10's mails: the sealed document to every recipient and to the sender. */
async function queueCompleted(ctx: Ctx, envelope: repo.EnvelopeRow, now: Date): Promise<void> {
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, envelope.id);
  const sender = await senderOf(ctx.tx, envelope.senderId);
  const to = [
    ...recipients.map((r) => ({ key: r.id, email: r.email, locale: r.locale, userId: null as string | null })),
    ...(sender ? [{ key: sender.id, email: sender.email, locale: sender.locale, userId: sender.id }] : []),
  ];
  for (const t of to) {
    await enqueueMail(ctx.tx, {
      orgId: ctx.orgId,
      kind: 'signing_completed',
      subjectId: envelope.id,
      contractId: envelope.contractId,
      recipientUserId: t.userId,
      recipientEmail: t.email,
      locale: t.locale,
      dedupeKey: `signing_completed:${envelope.id}:${t.key}`,
      now,
    });
  }
  await wake(ctx, MAIL_SEND_JOB);
}

/** Step 10: under the envelope's row lock, the first attempt to get here makes the version; any later one stops. */
async function commit(ctx: Ctx, id: string, slot: GeneratedSlot, file: Received, now: Date): Promise<boolean> {
  const envelope = await repo.find(ctx.tx, ctx.orgId, id, { lock: true });
  // Another attempt won: this attempt's blob stays filed for deletion and the purge removes it.
  if (!envelope || envelope.sealState === 'done' || envelope.status !== 'in_progress') return false;
  const { number } = await commitGeneratedVersion(ctx, {
    documentId: envelope.documentId,
    slot,
    file,
    mimeType: 'application/pdf',
  });
  await repo.update(ctx.tx, ctx.orgId, id, {
    sealedVersionId: slot.versionId,
    sealState: 'done',
    sealLeaseUntil: null,
    sealError: null,
    status: 'completed',
    completedAt: now,
  });
  await noteEvent(ctx, id, 'sealed', {
    action: 'envelope.completed',
    changes: { status: { before: 'in_progress', after: 'completed' }, version: { before: null, after: number } },
  });
  await queueCompleted(ctx, envelope, now);
  await signingCompleted(ctx, {
    envelopeId: id,
    contractId: envelope.contractId,
    documentId: envelope.documentId,
    versionId: slot.versionId,
  });
  return true;
}

/** Step 11: back to pending with a backoff, or failed for good after ten attempts. */
async function fail(ctx: Ctx, id: string, error: unknown, now: Date): Promise<void> {
  const envelope = await repo.find(ctx.tx, ctx.orgId, id, { lock: true });
  if (envelope?.sealState !== 'running') return;
  const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
  const final = envelope.sealAttempts >= MAX_ATTEMPTS;
  const backoff = Math.min(2 ** envelope.sealAttempts, 240) * 60_000;
  await repo.update(ctx.tx, ctx.orgId, id, {
    sealState: final ? 'failed' : 'pending',
    sealAfter: new Date(now.getTime() + backoff),
    sealLeaseUntil: null,
    sealError: message,
  });
  ctx.deps.log.error({ envelopeId: id, attempt: envelope.sealAttempts, err: message }, 'sealing failed');
  if (!final) return;
  await noteEvent(ctx, id, 'seal_failed', { action: 'envelope.seal_failed', extra: { error: message } });
  await queueSealFailed(ctx, envelope, now);
}

/** Steps 2–10 for one claimed envelope; true when this attempt made the sealed version. */
export async function sealEnvelope(deps: Deps, orgId: string, id: string, now: Date): Promise<boolean> {
  const seal = sealCertificateFor(deps.config.signing);
  if (!seal) throw new Error('no signing certificate configured');
  const input = await inOrg(deps, orgId, async (ctx) => gather(ctx, (await repo.find(ctx.tx, orgId, id))!));
  const completedAt = now;
  const bytes = await sealDocument({
    original: input.original,
    fields: input.fields,
    certificate: { ...input.certificate, completedAt, seal: sealFactsOf(seal) },
    seal,
    facts: {
      reason: `Sealed by Deedbox: completed e-signing ${id}`,
      name: deps.config.signing.name,
      location: deps.config.signing.name,
      contactInfo: deps.config.appUrl,
      signingTime: now,
    },
  });
  // A fresh version id per attempt, filed for deletion before any byte is written: a stale attempt never overwrites.
  const slot = await inOrg(deps, orgId, (ctx) => reserveGeneratedBlob(ctx));
  const file = await writeGeneratedBlob({ deps, orgId }, slot, bytes);
  return inOrg(deps, orgId, (ctx) => commit(ctx, id, slot, file, now));
}

/** The `signing.seal` job's work for one org: seals every due envelope, one at a time. */
export async function sealDue(deps: Deps, orgId: string, now: Date): Promise<{ sealed: number; failed: number }> {
  const total = { sealed: 0, failed: 0 };
  for (;;) {
    const [claimed] = await inOrg(deps, orgId, (ctx) => claim(ctx, now));
    if (!claimed) return total;
    try {
      if (await sealEnvelope(deps, orgId, claimed.id, now)) total.sealed++;
    } catch (error) {
      total.failed++;
      await inOrg(deps, orgId, (ctx) => fail(ctx, claimed.id, error, now));
    }
  }
}

import { randomUUID } from 'node:crypto';
import {
  type Envelope,
  type EnvelopeInput,
  type EnvelopePatch,
  SIGNING_LIMITS,
} from '../../../common/schemas/signing.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { getVisible } from '../contracts/contracts.access.js';
import { readVersionBytes } from '../documents/documents.generated.js';
import { newRowKeys, openField, rowKey, sealField } from '../documents/documents.keys.js';
import { reach } from '../documents/documents.service.js';
import { present, summarize } from './envelopes.presenter.js';
import * as repo from './envelopes.repo.js';
import { inspectForSigning, UnsignablePdfError } from './pdf/seal-document.js';
import { envelopeContext } from './signing.keys.js';

const UNSIGNABLE: Record<UnsignablePdfError['reason'], string> = {
  pdf_unreadable: 'is a PDF that cannot be read',
  pdf_encrypted: 'is an encrypted PDF, whose pages cannot be signed',
  pdf_already_signed: 'is already signed; signing it again would break that signature',
  pdf_empty: 'has no pages',
};

/** The evidence row and the activity-log entry of something a member did to an envelope. */
export async function noteEvent(
  ctx: Ctx,
  envelopeId: string,
  kind: repo.EventRow['kind'],
  audit: Omit<Parameters<typeof record>[1], 'objectType' | 'objectId'>,
  about: { recipientId?: string; data?: Record<string, unknown> } = {},
): Promise<void> {
  await repo.addEvent(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    envelopeId,
    recipientId: about.recipientId ?? null,
    kind,
    ip: ctx.request.ip,
    userAgent: ctx.request.userAgent,
    data: { ...(ctx.actor.type === 'user' ? { by: ctx.actor.id } : {}), ...about.data },
  });
  await record(ctx, { ...audit, objectType: 'envelope', objectId: envelopeId });
}

/** Whether the actor may change what lies in the envelope's document's place (its contract's unit, or the inbox). */
async function canWrite(ctx: Ctx, row: repo.EnvelopeRow): Promise<boolean> {
  try {
    await reach(ctx, row.documentId, { write: true, deleted: true });
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === 'forbidden') return false;
    throw error;
  }
}

/** An envelope the actor may read (its document's readers), or change when `write`; anything else is not found. */
export async function reachEnvelope(ctx: Ctx, id: string, opts: { write: boolean; lock?: boolean }) {
  const row = await repo.find(ctx.tx, ctx.orgId, id, { lock: opts.lock });
  if (!row) throw AppError.notFound('Envelope');
  await reach(ctx, row.documentId, { write: false, deleted: true });
  if (opts.write) await reach(ctx, row.documentId, { write: true, deleted: true });
  return row;
}

/** Drafts only: what was sent is evidence and changes only by the signing flow. */
export function requireDraft(row: repo.EnvelopeRow): void {
  if (row.status !== 'draft') {
    throw AppError.because(
      'conflict',
      'envelope_not_draft',
      'This envelope has been sent and can no longer be edited.',
    );
  }
}

export async function get(ctx: Ctx, id: string): Promise<Envelope> {
  const row = await reachEnvelope(ctx, id, { write: false });
  return present(ctx, row, await canWrite(ctx, row));
}

export async function list(ctx: Ctx, filter: { contractId?: string; documentId?: string }) {
  if (filter.contractId) await getVisible(ctx, filter.contractId);
  if (filter.documentId) await reach(ctx, filter.documentId, { write: false, deleted: true });
  return summarize(await repo.list(ctx.tx, ctx.orgId, filter));
}

/** A draft envelope for one version of a PDF document: the file is checked and its pages measured now. */
export async function create(ctx: Ctx, input: EnvelopeInput): Promise<Envelope> {
  const file = await readVersionBytes(ctx, input.documentId, {
    version: input.version,
    write: true,
    maxBytes: SIGNING_LIMITS.maxPdfBytes,
    field: 'documentId',
  });
  if (file.mimeType !== 'application/pdf') throw AppError.invalid('documentId', 'not_pdf', 'must be a PDF');
  let pages: Awaited<ReturnType<typeof inspectForSigning>>;
  try {
    pages = await inspectForSigning(file.bytes);
  } catch (error) {
    if (error instanceof UnsignablePdfError)
      throw AppError.invalid('documentId', error.reason, UNSIGNABLE[error.reason]);
    throw error;
  }
  if (pages.length > SIGNING_LIMITS.maxPages) {
    throw AppError.invalid('documentId', 'too_many_pages', `must have at most ${SIGNING_LIMITS.maxPages} pages`, {
      max: SIGNING_LIMITS.maxPages,
    });
  }
  const id = randomUUID();
  const context = envelopeContext(ctx.orgId, id);
  const keys = await newRowKeys(ctx, context);
  const title =
    input.title ??
    (file.name
      .replace(/\.pdf$/i, '')
      .trim()
      .slice(0, SIGNING_LIMITS.titleLength) ||
      'PDF');
  await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id,
    contractId: file.contractId,
    documentId: file.documentId,
    sourceVersionId: file.versionId,
    sourceSha256: file.sha256,
    pageCount: pages.length,
    pages: pages.map((p) => ({ w: p.width, h: p.height, rotate: p.rotate })),
    title,
    message: input.message ? sealField(keys.key, context, 'message', input.message) : null,
    locale: input.locale,
    signingOrder: input.signingOrder,
    expiresInDays: input.expiresInDays,
    reminderEveryDays: input.reminderEveryDays,
    senderId: ctx.actor.type === 'user' ? ctx.actor.id : null,
    dataKey: keys.wrapped,
    orgKeyVersion: keys.orgKeyVersion,
  });
  await noteEvent(ctx, id, 'created', {
    action: 'envelope.created',
    changes: {
      documentId: { before: null, after: file.documentId },
      version: { before: null, after: file.number },
      sha256: { before: null, after: file.sha256 },
    },
    personalChanges: { title: { before: null, after: title } },
  });
  return get(ctx, id);
}

export async function patch(ctx: Ctx, id: string, input: EnvelopePatch): Promise<Envelope> {
  const row = await reachEnvelope(ctx, id, { write: true, lock: true });
  requireDraft(row);
  const context = envelopeContext(ctx.orgId, id);
  const key = await rowKey(ctx, row, context);
  const { message, title, ...settings } = input;
  const before = row.message ? openField(key, context, 'message', row.message) : null;
  await repo.update(ctx.tx, ctx.orgId, id, {
    ...settings,
    ...(title !== undefined && { title }),
    ...(message !== undefined && { message: message ? sealField(key, context, 'message', message) : null }),
  });
  const changes = Object.fromEntries(
    Object.entries(settings)
      .filter(([k, v]) => row[k as keyof typeof settings] !== v)
      .map(([k, v]) => [k, { before: row[k as keyof typeof settings], after: v }]),
  );
  const personalChanges = {
    ...(title !== undefined && title !== row.title && { title: { before: row.title, after: title } }),
    ...(message !== undefined && message !== before && { message: { before, after: message } }),
  };
  if (Object.keys(changes).length + Object.keys(personalChanges).length > 0) {
    await record(ctx, { action: 'envelope.updated', objectType: 'envelope', objectId: id, changes, personalChanges });
  }
  return get(ctx, id);
}

export async function remove(ctx: Ctx, id: string): Promise<void> {
  const row = await reachEnvelope(ctx, id, { write: true, lock: true });
  requireDraft(row);
  await repo.remove(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'envelope.deleted',
    objectType: 'envelope',
    objectId: id,
    personalChanges: { title: { before: row.title, after: null } },
  });
}

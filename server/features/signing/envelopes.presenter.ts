import type { Envelope } from '../../../common/schemas/signing.js';
import type { Ctx } from '../../platform/context.js';
import { openField, rowKey } from '../documents/documents.keys.js';
import * as documentsRepo from '../documents/documents.repo.js';
import { namesByIds } from '../exports/grid-lookups.repo.js';
import * as repo from './envelopes.repo.js';
import { changeRefusal, resendRefusal } from './recipient.rules.js';
import { envelopeContext } from './signing.keys.js';

const iso = (d: Date | null) => d?.toISOString() ?? null;

/** An envelope as its readers see it: evidence times, never codes, signatures or field values. */
export async function present(ctx: Ctx, row: repo.EnvelopeRow, writable: boolean): Promise<Envelope> {
  const context = envelopeContext(ctx.orgId, row.id);
  const key = await rowKey(ctx, row, context);
  const versions = await documentsRepo.versionsOf(ctx.tx, ctx.orgId, [row.documentId]);
  const number = (id: string | null) => versions.find((v) => v.id === id)?.number ?? null;
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, row.id);
  const sender = row.senderId ? (await namesByIds(ctx.tx, ctx.orgId, 'user', [row.senderId])).get(row.senderId) : null;
  return {
    id: row.id,
    status: row.status,
    title: row.title,
    message: row.message ? openField(key, context, 'message', row.message) : null,
    locale: row.locale,
    signingOrder: row.signingOrder,
    expiresInDays: row.expiresInDays,
    expiresAt: iso(row.expiresAt),
    reminderEveryDays: row.reminderEveryDays,
    contractId: row.contractId,
    documentId: row.documentId,
    sourceVersion: number(row.sourceVersionId) ?? 0,
    sealedVersion: number(row.sealedVersionId),
    sourceSha256: row.sourceSha256,
    pages: row.pages,
    recipients: recipients.map((r) => ({
      id: r.id,
      role: r.role,
      position: r.position,
      name: r.name,
      email: r.email,
      locale: r.locale,
      requireCode: r.requireCode,
      status: r.status,
      sentAt: iso(r.sentAt),
      viewedAt: iso(r.viewedAt),
      signedAt: iso(r.signedAt),
      declinedAt: iso(r.declinedAt),
      abilities: {
        resend: writable && resendRefusal(row, recipients, r) === null,
        change: writable && changeRefusal(row, r) === null,
      },
    })),
    fields: (await repo.fieldsOf(ctx.tx, ctx.orgId, row.id)).map((f) => ({
      id: f.id,
      recipientId: f.recipientId,
      type: f.type,
      page: f.page,
      x: f.x,
      y: f.y,
      w: f.w,
      h: f.h,
      required: f.required,
      label: f.label,
    })),
    sender: row.senderId && sender ? { id: row.senderId, name: sender } : null,
    sentAt: iso(row.sentAt),
    completedAt: iso(row.completedAt),
    cancelledAt: iso(row.cancelledAt),
    declinedAt: iso(row.declinedAt),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    abilities: {
      edit: writable && row.status === 'draft',
      send: writable && row.status === 'draft',
      cancel: writable && row.status === 'in_progress',
    },
  };
}

export function summarize(rows: repo.EnvelopeRow[]) {
  return {
    items: rows.map((r) => ({
      id: r.id,
      status: r.status,
      title: r.title,
      contractId: r.contractId,
      documentId: r.documentId,
      sentAt: iso(r.sentAt),
      completedAt: iso(r.completedAt),
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    })),
  };
}

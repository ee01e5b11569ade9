import type { Ctx } from '../../platform/context.js';
import type { SealCertificate } from '../../platform/crypto/signing-certificate.js';
import { mailOrg } from '../../platform/mail/outbox.repo.js';
import { versionBytesById } from '../documents/documents.generated.js';
import { documentContext, openField, rowKey } from '../documents/documents.keys.js';
import * as documentsRepo from '../documents/documents.repo.js';
import * as repo from './envelopes.repo.js';
import type { CertificateFacts } from './pdf/certificate-page.js';
import type { FilledField } from './pdf/draw-fields.js';
import { envelopeContext } from './signing.keys.js';
import { senderOf } from './signing-mail.repo.js';

export interface SealInput {
  original: Buffer;
  fields: FilledField[];
  certificate: Omit<CertificateFacts, 'completedAt' | 'seal'>;
}

function dateIn(locale: 'en' | 'de', timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone }).format(at);
}

/** A filled field as the PDF draws it; null when it stays empty (an optional field left blank). */
function filled(
  f: repo.FieldRow,
  r: repo.RecipientRow,
  open: (field: string, sealed: Buffer) => string,
  env: { locale: 'en' | 'de'; timeZone: string },
): FilledField | null {
  const base = { page: f.page - 1, rect: { x: f.x, y: f.y, w: f.w, h: f.h } };
  const value = f.value ? open(`field/${f.id}`, f.value) : null;
  switch (f.type) {
    case 'signature':
    case 'initials': {
      if (!r.signature) return null;
      const signature = open('signature', r.signature);
      if (r.signatureKind === 'typed') return { ...base, type: 'name', text: signature };
      return { ...base, type: f.type, png: Buffer.from(signature, 'base64') };
    }
    case 'date_signed':
      return r.signedAt ? { ...base, type: 'date_signed', text: dateIn(env.locale, env.timeZone, r.signedAt) } : null;
    case 'name':
      return { ...base, type: 'name', text: value ?? r.name };
    case 'text':
      return value ? { ...base, type: 'text', text: value, multiline: f.h > 0.05 } : null;
    case 'checkbox':
      return { ...base, type: 'checkbox', checked: value === 'true' };
  }
}

/** Step 2 of sealing: everything the sealed PDF shows, opened under the envelope key; the original checked by its SHA-256. */
export async function gather(ctx: Ctx, envelope: repo.EnvelopeRow): Promise<SealInput> {
  const context = envelopeContext(ctx.orgId, envelope.id);
  const key = await rowKey(ctx, envelope, context);
  const open = (field: string, sealed: Buffer) => openField(key, context, field, sealed);
  const org = await mailOrg(ctx.tx, ctx.orgId);
  const env = { locale: envelope.locale, timeZone: org?.timeZone ?? 'UTC' };
  const recipients = await repo.recipientsOf(ctx.tx, ctx.orgId, envelope.id);
  const byId = new Map(recipients.map((r) => [r.id, r]));
  const fields = (await repo.fieldsOf(ctx.tx, ctx.orgId, envelope.id))
    .map((f) => filled(f, byId.get(f.recipientId)!, open, env))
    .filter((f): f is FilledField => f !== null);
  const doc = (await documentsRepo.find(ctx.tx, ctx.orgId, envelope.documentId))!;
  const docContext = documentContext(ctx.orgId, doc.id);
  const sender = await senderOf(ctx.tx, envelope.senderId);
  const png = (r: repo.RecipientRow) =>
    r.signature && r.signatureKind === 'drawn' ? Buffer.from(open('signature', r.signature), 'base64') : null;
  return {
    original: await versionBytesById(ctx, envelope.documentId, envelope.sourceVersionId),
    fields,
    certificate: {
      ...env,
      envelopeId: envelope.id,
      title: envelope.title,
      documentName: openField(await rowKey(ctx, doc, docContext), docContext, 'name', doc.name),
      originalSha256: envelope.sourceSha256,
      originalPages: envelope.pageCount,
      sender: { name: sender?.name ?? '', email: sender?.email ?? '' },
      sentAt: envelope.sentAt!,
      recipients: recipients.map((r) => ({
        name: r.name,
        email: r.email,
        role: r.role,
        verification: r.verification,
        sentAt: r.sentAt,
        viewedAt: r.viewedAt,
        viewIp: r.viewIp,
        viewUserAgent: r.viewUserAgent,
        signedAt: r.signedAt,
        signIp: r.signIp,
        signUserAgent: r.signUserAgent,
        signaturePng: png(r),
      })),
    },
  };
}

export const sealFactsOf = (seal: SealCertificate) => ({ subject: seal.subject, fingerprint: seal.fingerprint });

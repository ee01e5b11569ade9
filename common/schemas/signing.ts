// Built-in e-signing (issue #14): the states of envelopes, recipients and fields, and the request and answer shapes.
import { z } from 'zod';
import { email, LOCALES } from './auth.js';
import { isoDateTime } from './common.js';

export const ENVELOPE_STATUSES = ['draft', 'in_progress', 'completed', 'declined', 'cancelled', 'expired'] as const;
export type EnvelopeStatus = (typeof ENVELOPE_STATUSES)[number];

export const RECIPIENT_ROLES = ['signer', 'approver', 'cc'] as const;
export type RecipientRole = (typeof RECIPIENT_ROLES)[number];

export const RECIPIENT_STATUSES = ['pending', 'sent', 'viewed', 'signed', 'approved', 'declined'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

export const FIELD_TYPES = ['signature', 'initials', 'date_signed', 'name', 'text', 'checkbox'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const SEAL_STATES = ['pending', 'running', 'done', 'failed'] as const;
export type SealState = (typeof SEAL_STATES)[number];

export const SIGNATURE_KINDS = ['drawn', 'typed'] as const;
export type SignatureKind = (typeof SIGNATURE_KINDS)[number];

export const VERIFICATION_METHODS = ['link', 'link_and_code'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The evidence an envelope keeps; each is also written to the activity log. */
export const SIGNING_EVENT_KINDS = [
  'created',
  'sent',
  'mailed',
  'viewed',
  'code_sent',
  'code_verified',
  'code_failed',
  'signed',
  'approved',
  'declined',
  'reminded',
  'resent',
  'email_changed',
  'cancelled',
  'expired',
  'sealed',
  'seal_failed',
  'downloaded',
] as const;
export type SigningEventKind = (typeof SIGNING_EVENT_KINDS)[number];

export const SIGNING_LIMITS = {
  recipients: 20,
  fields: 500,
  titleLength: 200,
  messageLength: 2000,
  nameLength: 200,
  labelLength: 100,
  /** The smallest field side, as a fraction of the page (0.5 %). */
  minFieldSide: 0.005,
  /** PDFs larger than this are not sent for signing: sealing holds the file in memory several times. */
  maxPdfBytes: 25 * 1024 * 1024,
  maxPages: 500,
} as const;

export const envelopeInput = z
  .object({
    documentId: z.uuid(),
    /** The document's version to sign; its newest when left out. */
    version: z.number().int().min(1).optional(),
    title: z.string().trim().min(1).max(SIGNING_LIMITS.titleLength).optional(),
    message: z.string().trim().max(SIGNING_LIMITS.messageLength).nullable().default(null),
    locale: z.enum(LOCALES).default('en'),
    signingOrder: z.boolean().default(false),
    expiresInDays: z.number().int().min(1).max(365).default(30),
    reminderEveryDays: z.number().int().min(1).max(30).nullable().default(null),
  })
  .strict();
export type EnvelopeInput = z.infer<typeof envelopeInput>;

export const envelopePatch = z
  .object({
    title: z.string().trim().min(1).max(SIGNING_LIMITS.titleLength),
    message: z.string().trim().max(SIGNING_LIMITS.messageLength).nullable(),
    locale: z.enum(LOCALES),
    signingOrder: z.boolean(),
    expiresInDays: z.number().int().min(1).max(365),
    reminderEveryDays: z.number().int().min(1).max(30).nullable(),
  })
  .partial()
  .strict();
export type EnvelopePatch = z.infer<typeof envelopePatch>;

export const recipientInput = z
  .object({
    /** An existing recipient's id keeps it (and its fields); without one a recipient is added. */
    id: z.uuid().optional(),
    role: z.enum(RECIPIENT_ROLES),
    name: z.string().trim().min(1).max(SIGNING_LIMITS.nameLength),
    email,
    /** Signing order: lower positions sign first; equal positions sign side by side. */
    position: z.number().int().min(1).max(SIGNING_LIMITS.recipients).default(1),
    locale: z.enum(LOCALES).optional(),
    requireCode: z.boolean().default(false),
  })
  .strict();
export type RecipientInput = z.infer<typeof recipientInput>;
export const recipientsInput = z
  .object({ recipients: z.array(recipientInput).max(SIGNING_LIMITS.recipients) })
  .strict();

const fraction = z.number().min(0).max(1);
export const fieldInput = z
  .object({
    id: z.uuid().optional(),
    recipientId: z.uuid(),
    type: z.enum(FIELD_TYPES),
    page: z.number().int().min(1),
    x: fraction,
    y: fraction,
    w: fraction,
    h: fraction,
    required: z.boolean().default(true),
    label: z.string().trim().max(SIGNING_LIMITS.labelLength).nullable().default(null),
  })
  .strict();
export type FieldInput = z.infer<typeof fieldInput>;
export const fieldsInput = z.object({ fields: z.array(fieldInput).max(SIGNING_LIMITS.fields) }).strict();

export const envelopeRecipient = z.object({
  id: z.uuid(),
  role: z.enum(RECIPIENT_ROLES),
  position: z.number().int(),
  name: z.string(),
  email: z.string(),
  locale: z.enum(LOCALES),
  requireCode: z.boolean(),
  status: z.enum(RECIPIENT_STATUSES),
  sentAt: isoDateTime.nullable(),
  viewedAt: isoDateTime.nullable(),
  signedAt: isoDateTime.nullable(),
  declinedAt: isoDateTime.nullable(),
  /** What the caller may do to this recipient now (resend: not more often than every 10 minutes). */
  abilities: z.object({ resend: z.boolean(), change: z.boolean() }),
});

export const envelopeField = z.object({
  id: z.uuid(),
  recipientId: z.uuid(),
  type: z.enum(FIELD_TYPES),
  page: z.number().int(),
  x: z.number(),
  y: z.number(),
  w: z.number(),
  h: z.number(),
  required: z.boolean(),
  label: z.string().nullable(),
});

export const envelope = z.object({
  id: z.uuid(),
  status: z.enum(ENVELOPE_STATUSES),
  title: z.string(),
  message: z.string().nullable(),
  locale: z.enum(LOCALES),
  signingOrder: z.boolean(),
  expiresInDays: z.number().int(),
  expiresAt: isoDateTime.nullable(),
  reminderEveryDays: z.number().int().nullable(),
  contractId: z.string().nullable(),
  documentId: z.uuid(),
  /** The document version sent, and the sealed one once signing completed. */
  sourceVersion: z.number().int(),
  sealedVersion: z.number().int().nullable(),
  sourceSha256: z.string(),
  pages: z.array(z.object({ w: z.number(), h: z.number(), rotate: z.number().int() })),
  recipients: z.array(envelopeRecipient),
  fields: z.array(envelopeField),
  sender: z.object({ id: z.string(), name: z.string() }).nullable(),
  sentAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  cancelledAt: isoDateTime.nullable(),
  declinedAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  abilities: z.object({ edit: z.boolean(), send: z.boolean(), cancel: z.boolean() }),
});
export type Envelope = z.infer<typeof envelope>;

export const envelopeSummary = envelope.pick({
  id: true,
  status: true,
  title: true,
  contractId: true,
  documentId: true,
  sentAt: true,
  completedAt: true,
  createdAt: true,
  updatedAt: true,
});
export const envelopeList = z.object({ items: z.array(envelopeSummary) });
export const envelopeListQuery = z
  .object({ contractId: z.uuid().optional(), documentId: z.uuid().optional() })
  .refine((q) => q.contractId !== undefined || q.documentId !== undefined, {
    message: 'name a contractId or a documentId',
    path: ['contractId'],
  });

/** A recipient's new name or address (before they signed): a new address gets a new link, the old one stops working. */
export const recipientPatch = z
  .object({ name: z.string().trim().min(1).max(SIGNING_LIMITS.nameLength), email })
  .partial()
  .strict()
  .refine((p) => p.name !== undefined || p.email !== undefined, {
    message: 'name a name or an email',
    path: ['email'],
  });
export type RecipientPatch = z.infer<typeof recipientPatch>;
export const recipientParams = z.object({ id: z.uuid(), rid: z.uuid() });

export const cancelInput = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

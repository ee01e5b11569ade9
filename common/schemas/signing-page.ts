// What a recipient's signing link shows and accepts (issue #14, docs/design/signing-and-approvals.md §4).
import { z } from 'zod';
import { isoDateTime } from './common.js';
import { envelopeField, RECIPIENT_ROLES } from './signing.js';

export const SIGNING_PAGE_STATES = ['waiting', 'ready', 'signed', 'declined', 'expired', 'cancelled'] as const;

export const signingPage = z.object({
  orgName: z.string(),
  sender: z.string().nullable(),
  title: z.string(),
  message: z.string().nullable(),
  recipient: z.object({ name: z.string(), email: z.string(), role: z.enum(RECIPIENT_ROLES) }),
  state: z.enum(SIGNING_PAGE_STATES),
  /** The one-time code by e-mail, when the sender asked for it: whether this browser confirmed one, a live code's expiry, a lock. */
  code: z.object({
    required: z.boolean(),
    verified: z.boolean(),
    expiresAt: isoDateTime.nullable(),
    lockedUntil: isoDateTime.nullable(),
  }),
  fields: z.array(envelopeField.omit({ recipientId: true })),
  pages: z.array(z.object({ w: z.number(), h: z.number(), rotate: z.number().int() })),
});
export type SigningPage = z.infer<typeof signingPage>;

export const SIGNATURE_LIMITS = { pngBytes: 200 * 1024, width: 1600, height: 800, typedLength: 80, textLength: 500 };

export const signInput = z
  .object({
    fields: z
      .array(z.object({ id: z.uuid(), value: z.union([z.string().max(SIGNATURE_LIMITS.textLength), z.boolean()]) }))
      .max(500)
      .default([]),
    /** Signers only: drawn (a PNG, base64) or typed. */
    signature: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('drawn'), png: z.string().min(1).max(400_000) }).strict(),
        z
          .object({ kind: z.literal('typed'), text: z.string().trim().min(1).max(SIGNATURE_LIMITS.typedLength) })
          .strict(),
      ])
      .optional(),
    consent: z.literal(true),
  })
  .strict();
export type SignInput = z.infer<typeof signInput>;

export const codeInput = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/),
  })
  .strict();
export const codeSent = z.object({ expiresAt: isoDateTime });

export const declineInput = z.object({ reason: z.string().trim().min(1).max(1000) }).strict();

export const signingDone = z.object({ state: z.enum(SIGNING_PAGE_STATES) });

// The evidence timeline of an envelope (GET /envelopes/{id}/events): what happened, when, to whom and from where.
import { z } from 'zod';
import { isoDateTime } from './common.js';
import { SIGNING_EVENT_KINDS } from './signing.js';

/** One evidence row, without its data (which may hold addresses before a change, never shown here). */
export const envelopeEvent = z.object({
  id: z.uuid(),
  kind: z.enum(SIGNING_EVENT_KINDS),
  at: isoDateTime,
  recipientId: z.string().nullable(),
  recipientName: z.string().nullable(),
  recipientEmail: z.string().nullable(),
  /** The member who did it (sent, cancelled, downloaded); null for a recipient's own step or the server's. */
  actorName: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
});
export type EnvelopeEvent = z.infer<typeof envelopeEvent>;

export const envelopeEvents = z.object({ items: z.array(envelopeEvent) });

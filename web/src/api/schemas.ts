import { z } from 'zod';

/** Shapes the shared schemas do not cover yet (public meta, the development outbox). */
export const metaOutput = z.object({ version: z.string(), devOutbox: z.boolean() });
export type Meta = z.infer<typeof metaOutput>;

export const outboxMail = z.object({
  id: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});
export type OutboxMail = z.infer<typeof outboxMail>;
export const outboxOutput = z.object({ items: z.array(outboxMail) });

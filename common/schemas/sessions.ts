import { z } from 'zod';
import { isoDateTime } from './common.js';

export const deviceInfo = z.object({
  browser: z.string().nullable(),
  browserVersion: z.string().nullable(),
  os: z.string().nullable(),
  kind: z.enum(['desktop', 'mobile', 'tablet', 'unknown']),
});

export const sessionOutput = z.object({
  id: z.uuid(),
  device: deviceInfo,
  /** The User-Agent as sent, for whoever wants more than the parsed summary. */
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  /** The session this request came with. */
  current: z.boolean(),
});
export type SessionOutput = z.infer<typeof sessionOutput>;

export const sessionsOutput = z.object({ items: z.array(sessionOutput) });
export const endedOutput = z.object({ ended: z.number().int() });
export const endSessionLinkInput = z.object({ token: z.string().min(20).max(200) });
export const endSessionLinkOutput = z.object({ ended: z.boolean() });

import { z } from 'zod';
import type { ParsedHtml, ParsedText } from './worker-protocol.js';

// The worker parsed a hostile file and may have been subverted by it: its reply is checked like any input.

const fileFailure = z.object({ status: z.literal('failed'), reason: z.enum(['too_large', 'unreadable', 'encrypted']) });

export const parsedText: z.ZodType<ParsedText> = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('pages'),
    pages: z.array(z.string()),
    scanned: z.array(
      z.object({ index: z.number().int().min(0), width: z.number().positive(), height: z.number().positive() }),
    ),
  }),
  z.object({ status: z.literal('image') }),
  z.object({ status: z.literal('no_text') }),
  fileFailure,
]);

export const parsedHtml: z.ZodType<ParsedHtml> = z.discriminatedUnion('status', [
  z.object({ status: z.literal('html'), html: z.string() }),
  fileFailure,
]);

import { z } from 'zod';

export const uuid = z.uuid();
export const idParams = z.object({ id: z.uuid() });

export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

/**
 * A grid's page: the first page (no cursor) also says how many rows match in all, counted up
 * to COUNT_LIMIT; `totalCapped` says there are more (so a count never costs a full scan).
 */
export const COUNT_LIMIT = 10_000;
export const countedPage = <T extends z.ZodType>(item: T) =>
  page(item).extend({ total: z.number().int().nullable(), totalCapped: z.boolean() });

/** A date the API answers with; a date it takes is `calendarDate` (terms/lifecycle.ts), with its range. */
export const isoDate = z.iso.date();
export const isoDateTime = z.iso.datetime({ offset: true });

const problemParams = z.record(z.string(), z.union([z.string(), z.number()]));

/** RFC 9457 problem details, as every 4xx/5xx answer is shaped. */
export const problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  requestId: z.string(),
  /** The named cause of a conflict (and of a gone link or a locked account), for a precise message. */
  reason: z.string().optional(),
  /** Values the message names (an entry's name, a count). */
  params: problemParams.optional(),
  errors: z
    .array(z.object({ field: z.string(), rule: z.string(), message: z.string(), params: problemParams.optional() }))
    .optional(),
});
export type Problem = z.infer<typeof problem>;

import { z } from 'zod';
import { LOCALES } from './auth.js';
import { isoDateTime } from './common.js';
import { GRID_ENTITIES } from './vocabulary.js';

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `columns=title,partner,cf.cost_centre`: column keys in order; omitted = the default set. */
export const columnList = z
  .string()
  .max(4_000)
  .transform((s) =>
    s
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.string().max(60)).min(1).max(100));

/** What an export adds to a grid's list query. */
export const exportParams = z.object({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  /**
   * The reader's language: headers and codes (status, phase, types, yes/no) as words, and for CSV
   * the conventions their Excel expects — `de`: `;` between fields, decimal comma, dates DD.MM.YYYY;
   * `en`: `,`, decimal point, dates YYYY-MM-DD.
   */
  locale: z.enum(LOCALES).default('en'),
  columns: columnList.optional(),
});

/** A grid as a user left it: filters (the list query's parameters), sort and columns. */
export const viewDefinition = z.object({
  filters: z
    .record(z.string().max(60), z.union([z.string().max(500), z.array(z.string().max(200)).max(50)]))
    .default({}),
  sort: z.string().max(60).nullable().default(null),
  columns: z.array(z.string().max(60)).max(100).default([]),
});
export type ViewDefinition = z.infer<typeof viewDefinition>;

const viewName = z.string().trim().min(1).max(120);

export const savedViewInput = z.object({
  entity: z.enum(GRID_ENTITIES),
  name: viewName,
  shared: z.boolean().default(false),
  definition: viewDefinition,
});

export const savedViewPatch = z
  .object({ name: viewName, shared: z.boolean(), definition: viewDefinition })
  .partial()
  .refine((p) => Object.keys(p).length > 0, { message: 'give at least one of name, shared, definition' });

export const savedViewListQuery = z.object({ entity: z.enum(GRID_ENTITIES) });

export const savedViewOutput = z.object({
  id: z.uuid(),
  entity: z.enum(GRID_ENTITIES),
  name: z.string(),
  shared: z.boolean(),
  ownerId: z.uuid(),
  definition: viewDefinition,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type SavedViewOutput = z.infer<typeof savedViewOutput>;

import { z } from 'zod';
import { isoDateTime } from './common.js';
import { GRID_ENTITIES, IMPORT_FORMATS, IMPORT_STATUSES } from './vocabulary.js';

export const IMPORT_MIME = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export const DATE_FORMATS = ['auto', 'YYYY-MM-DD', 'DD.MM.YYYY'] as const;

export const importUploadQuery = z.object({
  entity: z.enum(GRID_ENTITIES),
  fileName: z.string().trim().min(1).max(255).default('import'),
});

/** File header → target field (`title`, `lifecycle.startDate`, `cf.<key>`, …) or null to skip it. */
export const importMapping = z.record(z.string().max(500), z.string().max(80).nullable());
export type ImportMapping = z.infer<typeof importMapping>;

export const importOptions = z.object({
  createPartners: z.boolean().default(false),
  createCategories: z.boolean().default(false),
  dateFormat: z.enum(DATE_FORMATS).default('auto'),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const importCheckInput = z.object({
  mapping: importMapping,
  options: importOptions.default({ createPartners: false, createCategories: false, dateFormat: 'auto' }),
});

/** One problem in one cell: `row` is the file's row number, the header being row 1. */
export const rowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
});
export type RowError = z.infer<typeof rowError>;

export const importOutput = z.object({
  id: z.uuid(),
  entity: z.enum(GRID_ENTITIES),
  status: z.enum(IMPORT_STATUSES),
  fileName: z.string(),
  format: z.enum(IMPORT_FORMATS),
  headers: z.array(z.string()),
  rowCount: z.number().int(),
  mapping: importMapping.nullable(),
  suggestedMapping: importMapping,
  errorCount: z.number().int().nullable(),
  errors: z.array(rowError),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ImportOutput = z.infer<typeof importOutput>;

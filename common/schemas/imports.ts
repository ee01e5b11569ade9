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
  /** Give each imported contract the account's default reminders, as the contract form does. */
  applyDefaultReminders: z.boolean().default(true),
});
export type ImportOptions = z.infer<typeof importOptions>;

export const importCheckInput = z.object({
  mapping: importMapping,
  options: importOptions.default({
    createPartners: false,
    createCategories: false,
    dateFormat: 'auto',
    applyDefaultReminders: true,
  }),
});

/**
 * The commit. `ignoredColumns` must name every column the mapping leaves out (the user has seen
 * and accepted that their data is not imported); `skipInvalidRows` imports the rows that passed
 * the dry run and skips the rest, which stay listed in `errors` as the report.
 */
export const importCommitInput = z.object({
  mapping: importMapping.optional(),
  ignoredColumns: z.array(z.string().max(500)).max(10_000).default([]),
  skipInvalidRows: z.boolean().default(false),
});
export type ImportCommitInput = z.infer<typeof importCommitInput>;

/** One problem in one cell: `row` is the file's row number, the header being row 1. */
export const rowError = z.object({
  row: z.number().int(),
  column: z.string().nullable(),
  value: z.string().nullable(),
  reason: z.string(),
  /** The rule broken, for the web app's translation (`imports.reason.<rule>`), with its values. */
  rule: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type RowError = z.infer<typeof rowError>;

/** What the dry run found besides row errors: what the commit would do. */
export const importSummary = z.object({
  validRows: z.number().int(),
  invalidRows: z.number().int(),
  /** Every column not imported, with how many rows have a value in it and the first such value. */
  ignoredColumns: z.array(z.object({ column: z.string(), filled: z.number().int(), sample: z.string().nullable() })),
  /** With a numbering pattern: rows keeping the file's number, rows numbered by the pattern (first 100 rows listed). */
  numbering: z
    .object({
      pattern: z.string(),
      kept: z.number().int(),
      generated: z.number().int(),
      generatedRows: z.array(z.number().int()),
    })
    .nullable(),
  /** Default reminders each imported contract gets (0 when the option is off or the account has none). */
  defaultReminders: z.number().int(),
});
export type ImportSummary = z.infer<typeof importSummary>;

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
  summary: importSummary.nullable(),
  result: z.record(z.string(), z.unknown()).nullable(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type ImportOutput = z.infer<typeof importOutput>;

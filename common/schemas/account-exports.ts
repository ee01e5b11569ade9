import { z } from 'zod';
import { LOCALES } from './auth.js';
import { isoDateTime } from './common.js';

export const ACCOUNT_EXPORT_STATUSES = ['queued', 'running', 'done', 'failed', 'expired'] as const;
export type AccountExportStatus = (typeof ACCOUNT_EXPORT_STATUSES)[number];

/** How long a finished export can be downloaded before its file is deleted. */
export const ACCOUNT_EXPORT_DAYS = 7;

/** The CSV files' dialect and headers (de: semicolons, decimal comma); JSON is the same in both. */
export const accountExportInput = z.object({ locale: z.enum(LOCALES).default('en') }).strict();

export const accountExport = z.object({
  id: z.uuid(),
  status: z.enum(ACCOUNT_EXPORT_STATUSES),
  locale: z.enum(LOCALES),
  requestedBy: z.string().nullable(),
  done: z.number().int(),
  total: z.number().int(),
  error: z.string().nullable(),
  size: z.number().int().nullable(),
  sha256: z.string().nullable(),
  counts: z.record(z.string(), z.number().int()).nullable(),
  createdAt: isoDateTime,
  startedAt: isoDateTime.nullable(),
  finishedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
});
export type AccountExport = z.infer<typeof accountExport>;

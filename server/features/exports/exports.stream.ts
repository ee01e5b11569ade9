import { PassThrough, type Readable } from 'node:stream';
import type { ExportFormat } from '../../../common/schemas/grids.js';
import type { Ctx } from '../../platform/context.js';
import type { Column } from './columns.js';
import { type ExportCursor, type ExportFilter, page, recordExport } from './exports.service.js';
import type { Locale } from './labels.js';
import { csvWriter, type SheetWriter, xlsxWriter } from './writers.js';

/** Runs one unit of work in its own transaction as the caller (inOrg, bound to the request). */
export type Runner = <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;

export interface ExportJob {
  what: ExportFilter;
  format: ExportFormat;
  locale: Locale;
  columns: Column[];
  /** The filters as asked, for the activity log. */
  filters: Record<string, unknown>;
}

/**
 * Starts the export and returns the stream to send. Each page is read in its own short
 * transaction (so a long download holds no connection and no lock); the activity-log entry is
 * written with the final page, or with what was sent when the download is cut short.
 */
export function startExport(run: Runner, job: ExportJob, onError: (err: unknown) => void): Readable {
  const out = new PassThrough({ highWaterMark: 256 * 1024 });
  const writer: SheetWriter =
    job.format === 'csv'
      ? csvWriter(out, job.locale)
      : xlsxWriter(out, job.what.entity === 'contract' ? 'Contracts' : 'Partners', job.locale);
  const summary = (rowCount: number, complete: boolean) => ({
    entity: job.what.entity,
    format: job.format,
    filters: job.filters,
    columns: job.columns.map((c) => c.key),
    rowCount,
    complete,
  });
  let sent = 0;
  const pump = async () => {
    await writer.header(job.columns);
    let after: ExportCursor | undefined;
    for (;;) {
      if (out.destroyed) {
        await run((ctx) => recordExport(ctx, summary(sent, false)));
        return;
      }
      const cursor = after;
      const result = await run(async (ctx) => {
        const p = await page(ctx, job.what, job.columns, job.locale, cursor);
        if (!p.next) await recordExport(ctx, summary(sent + p.rows.length, true));
        return p;
      });
      await writer.rows(result.rows);
      sent += result.rows.length;
      if (!result.next) break;
      after = result.next;
    }
    await writer.finish();
  };
  pump().catch((err: unknown) => {
    onError(err);
    out.destroy(err instanceof Error ? err : new Error(String(err)));
  });
  return out;
}

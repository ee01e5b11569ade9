import type { ExportFormat } from '../../../common/schemas/grids.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import { computeTerms } from '../../../common/terms/engine.js';
import type { Ctx } from '../../platform/context.js';
import { diff, record } from '../audit/audit.service.js';
import { type ListCursor, type ListQuery, listRows } from '../contracts/contracts.list.js';
import { orgToday } from '../contracts/contracts.service.js';
import { listDefinitions } from '../custom-fields/custom-fields.repo.js';
import { listPartnerRows, type PartnerCursor, type PartnerQuery } from '../partners/partners.list.js';
import { type Cell, type Column, resolveColumns } from './columns.js';
import { type NameKind, namesByIds } from './grid-lookups.repo.js';
import { type Locale, word } from './labels.js';

/** Rows fetched per keyset page: large enough to be quick, small enough to keep memory flat. */
export const EXPORT_PAGE = 500;

export type ContractExportFilter = Omit<ListQuery, 'limit'>;
export type PartnerExportFilter = PartnerQuery;
export type ExportFilter =
  | { entity: 'contract'; filter: ContractExportFilter }
  | { entity: 'partner'; filter: PartnerExportFilter };

export type ExportCursor = ListCursor | PartnerCursor;

/** Checks columns, filters and sort before anything is streamed, so a mistake is still a 422. */
export async function prepare(ctx: Ctx, what: ExportFilter, keys: string[] | undefined): Promise<Column[]> {
  const columns = resolveColumns(what.entity, keys, await listDefinitions(ctx.tx, ctx.orgId, what.entity));
  if (what.entity === 'contract') await listRows(ctx, { ...what.filter, limit: 1 } as unknown as ListQuery);
  else await listPartnerRows(ctx, what.filter, 1);
  return columns;
}

/** The list's own rules (visible units, filters, sort), a page per call. */
async function contractRecords(ctx: Ctx, f: ContractExportFilter, after?: ExportCursor) {
  const { rows, next } = await listRows(
    ctx,
    { ...f, limit: EXPORT_PAGE } as unknown as ListQuery,
    after as ListCursor | undefined,
  );
  const today = await orgToday(ctx);
  const records = rows.map((contract) => ({
    ...contract,
    createdAt: contract.createdAt.toISOString(),
    updatedAt: contract.updatedAt.toISOString(),
    computed: computeTerms(contract.lifecycle, today),
  }));
  return { records, next: next as ExportCursor | null };
}

async function partnerRecords(ctx: Ctx, f: PartnerExportFilter, after?: ExportCursor) {
  const { rows, next } = await listPartnerRows(ctx, f, EXPORT_PAGE, after as PartnerCursor | undefined);
  const records = rows.map((p) => ({
    ...p,
    createdAt: p.createdAt.toISOString(),
    updatedAt: p.updatedAt.toISOString(),
  }));
  return { records, next: next as ExportCursor | null };
}

/** One page of rows as cells, with every referenced name resolved in one query per kind. */
export async function page(ctx: Ctx, what: ExportFilter, columns: Column[], locale: Locale, after?: ExportCursor) {
  const { records, next } =
    what.entity === 'contract'
      ? await contractRecords(ctx, what.filter, after)
      : await partnerRecords(ctx, what.filter, after);
  const wanted = new Map<NameKind, Set<string>>();
  for (const column of columns) {
    if (!column.refs) continue;
    const ids = wanted.get(column.refs.kind) ?? new Set<string>();
    for (const r of records) {
      const id = column.refs.id(r as Record<string, unknown>);
      if (typeof id === 'string') ids.add(id);
    }
    wanted.set(column.refs.kind, ids);
  }
  const found = new Map<NameKind, Map<string, string>>();
  for (const [kind, ids] of wanted) found.set(kind, await namesByIds(ctx.tx, ctx.orgId, kind, [...ids]));
  const names = (kind: NameKind, id: unknown) => (typeof id === 'string' ? (found.get(kind)?.get(id) ?? null) : null);
  const rows: Cell[][] = records.map((r) =>
    columns.map((c) =>
      c.value({ record: r as Record<string, unknown>, names, word: (kind, code) => word(locale, kind, code) }),
    ),
  );
  return { rows, next };
}

export interface ExportSummary {
  entity: GridEntity;
  format: ExportFormat;
  filters: Record<string, unknown>;
  columns: string[];
  rowCount: number;
  complete: boolean;
}

/** One activity-log entry per download, with what was asked for and how many rows went out. */
export function recordExport(ctx: Ctx, s: ExportSummary) {
  return record(ctx, {
    action: s.entity === 'contract' ? 'contract.exported' : 'partner.exported',
    objectType: s.entity,
    // As "changes" (from nothing), so the activity log shows what was downloaded.
    changes: diff(
      {},
      { format: s.format, filters: s.filters, columns: s.columns, rowCount: s.rowCount, complete: s.complete },
    ),
  });
}

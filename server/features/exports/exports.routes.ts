import type { FastifyReply, FastifyRequest } from 'fastify';
import { contractListQuery } from '../../../common/schemas/contracts.js';
import { type ExportFormat, exportParams } from '../../../common/schemas/grids.js';
import { partnerListQuery } from '../../../common/schemas/partners.js';
import type { GridEntity } from '../../../common/schemas/vocabulary.js';
import type { Ctx } from '../../platform/context.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { type ContractExportFilter, type ExportFilter, prepare } from './exports.service.js';
import { startExport } from './exports.stream.js';
import type { Locale } from './labels.js';

const contractExportQuery = contractListQuery.omit({ limit: true, cursor: true }).extend(exportParams.shape);
const partnerExportQuery = partnerListQuery.omit({ limit: true, cursor: true }).extend(exportParams.shape);

const MIME: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const description =
  'Streams every row the list would return for these filters (no paging) as CSV (UTF-8 with BOM) or Excel. ' +
  '`locale` (en, de) sets the headers, codes as words and the CSV dialect (de: semicolons, decimal comma, DD.MM.YYYY). ' +
  '`columns` picks and orders the columns (built-in keys and `cf.<key>`); an unknown column is a 422.';

/** Validates columns first (errors stay problem+json), then streams; each page is its own transaction. */
async function sendExport(
  req: FastifyRequest,
  reply: FastifyReply,
  entity: GridEntity,
  query: { format: ExportFormat; locale: Locale; columns?: string[] },
  what: ExportFilter,
) {
  const run = <T>(fn: (ctx: Ctx) => Promise<T>) => inOrg(req, fn);
  const columns = await run((ctx) => prepare(ctx, what, query.columns));
  const { format, locale, columns: _keys, ...filters } = query as Record<string, unknown> & typeof query;
  const stream = startExport(run, { what, format, locale, columns, filters }, (err) =>
    req.log.error({ err }, 'export failed while streaming'),
  );
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .header('content-disposition', `attachment; filename="${entity}s-${day}.${format}"`)
    .header('cache-control', 'no-store')
    .type(MIME[format])
    .send(stream);
}

export function exportsRoutes(app: App) {
  app.get(
    '/contracts/export',
    { schema: { tags: ['contracts'], description, querystring: contractExportQuery } },
    (req, reply) => {
      const { format, locale, columns, ...filter } = req.query;
      return sendExport(req, reply, 'contract', req.query, {
        entity: 'contract',
        filter: filter as ContractExportFilter,
      });
    },
  );
  app.get(
    '/partners/export',
    { schema: { tags: ['partners'], description, querystring: partnerExportQuery } },
    (req, reply) => {
      const { format, locale, columns, q, type, sort, ...extra } = req.query;
      return sendExport(req, reply, 'partner', req.query, { entity: 'partner', filter: { q, type, sort, extra } });
    },
  );
}

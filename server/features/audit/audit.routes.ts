import { Readable } from 'node:stream';
import { z } from 'zod';
import { auditEvent, auditFilter, auditListQuery, auditVerifyOutput } from '../../../common/schemas/audit.js';
import { page, pageQuery } from '../../../common/schemas/common.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import { requireAdmin } from '../access/access.policy.js';
import { presentNamed } from './audit.names.js';
import { csvHeader, csvRow, presentEvent } from './audit.presenter.js';
import * as repo from './audit.repo.js';
import { record, verify } from './audit.service.js';
import { myActivity } from './my-activity.service.js';

const EXPORT_PAGE = 1000;

export function auditRoutes(app: App) {
  const tags = ['activity log'];
  app.get(
    '/audit',
    { schema: { tags, querystring: auditListQuery, response: { 200: page(auditEvent) } } },
    async (req) => {
      const { limit, cursor, ...filter } = req.query;
      const before = decodeCursor(cursor, z.number().int().positive());
      const { items, more } = await inOrg(req, async (ctx) => {
        requireAdmin(ctx);
        const rows = await repo.list(ctx.tx, ctx.orgId, filter, limit + 1, before);
        return {
          items: await presentNamed(ctx.tx, ctx.orgId, ctx.actor, rows.slice(0, limit)),
          more: rows.length > limit,
        };
      });
      return { items, nextCursor: more ? encodeCursor(items.at(-1)!.seq) : null };
    },
  );

  app.get(
    '/me/activity',
    { schema: { tags: ['me'], querystring: pageQuery, response: { 200: page(auditEvent) } } },
    async (req) => {
      const before = decodeCursor(req.query.cursor, z.number().int().positive());
      const { items, more } = await inOrg(req, (ctx) => myActivity(ctx, req.query.limit, before));
      return { items, nextCursor: more ? encodeCursor(items.at(-1)!.seq) : null };
    },
  );

  app.get('/audit/verify', { schema: { tags, response: { 200: auditVerifyOutput } } }, (req) =>
    inOrg(req, (ctx) => {
      requireAdmin(ctx);
      return verify(ctx.tx, ctx.orgId);
    }),
  );

  // Streamed a page per transaction, so memory stays flat however long the log is.
  app.get(
    '/audit/export',
    { schema: { tags, querystring: auditFilter, produces: ['text/csv'] } },
    async (req, reply) => {
      const filter = req.query;
      await inOrg(req, async (ctx) => {
        requireAdmin(ctx);
        await record(ctx, { action: 'audit.exported', objectType: 'audit_log', extra: { filter } });
      });
      async function* rows() {
        yield csvHeader;
        let after = 0;
        for (;;) {
          const batch = await inOrg(req, (ctx) => repo.listAscending(ctx.tx, ctx.orgId, after, EXPORT_PAGE, filter));
          for (const event of batch) yield csvRow(presentEvent(event));
          if (batch.length < EXPORT_PAGE) return;
          after = batch.at(-1)!.seq;
        }
      }
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="deedbox-activity-${day}.csv"`)
        .send(Readable.from(rows()));
    },
  );
}

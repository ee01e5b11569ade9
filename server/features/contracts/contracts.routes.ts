import { z } from 'zod';
import { auditEvent } from '../../../common/schemas/audit.js';
import { countedPage, idParams, page, pageQuery } from '../../../common/schemas/common.js';
import {
  asOfQuery,
  contractInput,
  contractListItem,
  contractListQuery,
  contractOutput,
  contractPatch,
  hierarchyOutput,
  noticeInput,
  recycledContract,
} from '../../../common/schemas/contracts.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import * as bin from './contracts.bin.js';
import { contractCursor } from './contracts.list.js';
import * as contracts from './contracts.service.js';
import * as tree from './contracts.tree.js';

const binCursor = z.tuple([z.iso.datetime({ offset: true }), z.uuid()]);

export function contractsRoutes(app: App) {
  const tags = ['contracts'];
  app.get(
    '/contracts',
    { schema: { tags, querystring: contractListQuery, response: { 200: countedPage(contractListItem) } } },
    async (req) => {
      const { cursor: raw, ...query } = req.query;
      const { next, ...result } = await inOrg(req, (ctx) =>
        contracts.list(ctx, query, decodeCursor(raw, contractCursor)),
      );
      return { ...result, nextCursor: next && encodeCursor(next) };
    },
  );

  app.post(
    '/contracts',
    { schema: { tags, body: contractInput, response: { 201: contractOutput } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => contracts.create(ctx, req.body))),
  );

  app.get(
    '/contracts/recycle-bin',
    { schema: { tags, querystring: pageQuery, response: { 200: page(recycledContract) } } },
    async (req) => {
      const after = decodeCursor(req.query.cursor, binCursor);
      const result = await inOrg(req, (ctx) => bin.recycleBin(ctx, req.query.limit, after));
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.get(
    '/contracts/:id',
    { schema: { tags, params: idParams, querystring: asOfQuery, response: { 200: contractOutput } } },
    (req) => inOrg(req, (ctx) => contracts.get(ctx, req.params.id, req.query.asOf)),
  );

  app.patch(
    '/contracts/:id',
    {
      config: { current: currentById((ctx, id) => contracts.get(ctx, id)) },
      schema: { tags, params: idParams, body: contractPatch, response: { 200: contractOutput } },
    },
    (req) => inOrg(req, (ctx) => contracts.update(ctx, req.params.id, req.body)),
  );

  app.delete('/contracts/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => contracts.remove(ctx, req.params.id));
    return reply.code(204).send();
  });

  app.post(
    '/contracts/:id/notice',
    { schema: { tags, params: idParams, body: noticeInput, response: { 200: contractOutput } } },
    (req) => inOrg(req, (ctx) => contracts.recordNotice(ctx, req.params.id, req.body)),
  );

  app.post('/contracts/:id/restore', { schema: { tags, params: idParams, response: { 200: contractOutput } } }, (req) =>
    inOrg(req, (ctx) => bin.restore(ctx, req.params.id)),
  );

  app.get(
    '/contracts/:id/history',
    { schema: { tags, params: idParams, querystring: pageQuery, response: { 200: page(auditEvent) } } },
    async (req) => {
      const before = decodeCursor(req.query.cursor, z.number().int().positive());
      const result = await inOrg(req, (ctx) => tree.history(ctx, req.params.id, req.query.limit, before));
      return { items: result.items, nextCursor: result.next === null ? null : encodeCursor(result.next) };
    },
  );

  app.get(
    '/contracts/:id/hierarchy',
    { schema: { tags, params: idParams, response: { 200: hierarchyOutput } } },
    (req) => inOrg(req, (ctx) => tree.hierarchy(ctx, req.params.id)),
  );
}

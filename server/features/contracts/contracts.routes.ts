import { z } from 'zod';
import { idParams, page } from '../../../common/schemas/common.js';
import {
  asOfQuery,
  contractInput,
  contractListQuery,
  contractOutput,
  contractPatch,
  noticeInput,
} from '../../../common/schemas/contracts.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import * as contracts from './contracts.service.js';

const cursor = z.tuple([z.string().max(40), z.uuid()]);

export function contractsRoutes(app: App) {
  const tags = ['contracts'];
  app.get(
    '/contracts',
    { schema: { tags, querystring: contractListQuery, response: { 200: page(contractOutput) } } },
    async (req) => {
      const { cursor: raw, ...query } = req.query;
      const result = await inOrg(req, (ctx) => contracts.list(ctx, query, decodeCursor(raw, cursor)));
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.post(
    '/contracts',
    { schema: { tags, body: contractInput, response: { 201: contractOutput } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => contracts.create(ctx, req.body))),
  );

  app.get(
    '/contracts/:id',
    { schema: { tags, params: idParams, querystring: asOfQuery, response: { 200: contractOutput } } },
    (req) => inOrg(req, (ctx) => contracts.get(ctx, req.params.id, req.query.asOf)),
  );

  app.patch(
    '/contracts/:id',
    { schema: { tags, params: idParams, body: contractPatch, response: { 200: contractOutput } } },
    (req) => inOrg(req, (ctx) => contracts.update(ctx, req.params.id, req.body)),
  );

  app.delete('/contracts/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => contracts.remove(ctx, req.params.id));
    return reply.code(204).send();
  });

  app.post(
    '/contracts/:id/notice',
    { schema: { tags, params: idParams, body: noticeInput, response: { 200: contractOutput } } },
    (req) => inOrg(req, (ctx) => contracts.recordNotice(ctx, req.params.id, req.body.givenOn)),
  );
}

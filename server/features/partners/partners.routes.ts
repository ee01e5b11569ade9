import { countedPage, idParams } from '../../../common/schemas/common.js';
import {
  partnerInput,
  partnerListQuery,
  partnerMergeInput,
  partnerOutput,
  partnerPatch,
} from '../../../common/schemas/partners.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import { partnerCursor } from './partners.list.js';
import { merge } from './partners.merge.js';
import * as partners from './partners.service.js';

export function partnersRoutes(app: App) {
  const tags = ['partners'];
  app.get(
    '/partners',
    { schema: { tags, querystring: partnerListQuery, response: { 200: countedPage(partnerOutput) } } },
    async (req) => {
      const { cursor, limit, q, type, sort, ...extra } = req.query;
      const after = decodeCursor(cursor, partnerCursor);
      const { next, ...result } = await inOrg(req, (ctx) => partners.list(ctx, { q, type, sort, extra }, limit, after));
      return { ...result, nextCursor: next && encodeCursor(next) };
    },
  );

  app.post(
    '/partners',
    { schema: { tags, body: partnerInput, response: { 201: partnerOutput } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => partners.create(ctx, req.body))),
  );

  app.get('/partners/:id', { schema: { tags, params: idParams, response: { 200: partnerOutput } } }, (req) =>
    inOrg(req, async (ctx) => partners.present(ctx, await partners.get(ctx, req.params.id))),
  );

  app.patch(
    '/partners/:id',
    {
      config: { current: currentById(async (ctx, id) => partners.present(ctx, await partners.get(ctx, id))) },
      schema: { tags, params: idParams, body: partnerPatch, response: { 200: partnerOutput } },
    },
    (req) => inOrg(req, (ctx) => partners.update(ctx, req.params.id, req.body)),
  );

  app.post(
    '/partners/:id/merge',
    { schema: { tags, params: idParams, body: partnerMergeInput, response: { 200: partnerOutput } } },
    (req) => inOrg(req, (ctx) => merge(ctx, req.params.id, req.body.duplicateIds)),
  );

  app.delete('/partners/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => partners.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

import { z } from 'zod';
import { idParams, page } from '../../../common/schemas/common.js';
import {
  partnerInput,
  partnerListQuery,
  partnerMergeInput,
  partnerOutput,
  partnerPatch,
} from '../../../common/schemas/partners.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import { merge } from './partners.merge.js';
import * as partners from './partners.service.js';

const nameCursor = z.tuple([z.string(), z.uuid()]);

export function partnersRoutes(app: App) {
  const tags = ['partners'];
  app.get(
    '/partners',
    { schema: { tags, querystring: partnerListQuery, response: { 200: page(partnerOutput) } } },
    async (req) => {
      const { cursor, limit, q, type, sort, ...extra } = req.query;
      const after = decodeCursor(cursor, nameCursor);
      const result = await inOrg(req, (ctx) => partners.list(ctx, { limit, q, type, sort }, extra, after));
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
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
    { schema: { tags, params: idParams, body: partnerPatch, response: { 200: partnerOutput } } },
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

import { z } from 'zod';
import { idParams } from '../../../common/schemas/common.js';
import { savedViewInput, savedViewListQuery, savedViewOutput, savedViewPatch } from '../../../common/schemas/grids.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as views from './saved-views.service.js';

export function savedViewsRoutes(app: App) {
  const tags = ['saved-views'];
  app.get(
    '/saved-views',
    {
      schema: {
        tags,
        querystring: savedViewListQuery,
        response: { 200: z.object({ items: z.array(savedViewOutput) }) },
      },
    },
    async (req) => ({ items: await inOrg(req, (ctx) => views.list(ctx, req.query.entity)) }),
  );

  app.post(
    '/saved-views',
    { schema: { tags, body: savedViewInput, response: { 201: savedViewOutput } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => views.create(ctx, req.body))),
  );

  app.patch(
    '/saved-views/:id',
    { schema: { tags, params: idParams, body: savedViewPatch, response: { 200: savedViewOutput } } },
    (req) => inOrg(req, (ctx) => views.update(ctx, req.params.id, req.body)),
  );

  app.delete('/saved-views/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => views.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

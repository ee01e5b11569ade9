import { z } from 'zod';
import { category, categoryInput, categoryListQuery, categoryPatch } from '../../../common/schemas/classification.js';
import { idParams } from '../../../common/schemas/common.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as categories from './categories.service.js';

export function categoriesRoutes(app: App) {
  const tags = ['categories'];
  app.get(
    '/categories',
    { schema: { tags, querystring: categoryListQuery, response: { 200: z.object({ items: z.array(category) }) } } },
    (req) => inOrg(req, (ctx) => categories.list(ctx, req.query.kind)),
  );

  app.post('/categories', { schema: { tags, body: categoryInput, response: { 201: category } } }, async (req, reply) =>
    reply.code(201).send(await inOrg(req, (ctx) => categories.create(ctx, req.body))),
  );

  app.patch(
    '/categories/:id',
    { schema: { tags, params: idParams, body: categoryPatch, response: { 200: category } } },
    (req) => inOrg(req, (ctx) => categories.rename(ctx, req.params.id, req.body.name)),
  );

  app.delete('/categories/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => categories.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

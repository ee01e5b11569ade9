import { z } from 'zod';
import {
  customField,
  customFieldInput,
  customFieldListQuery,
  customFieldOrder,
  customFieldPatch,
} from '../../../common/schemas/classification.js';
import { idParams } from '../../../common/schemas/common.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as fields from './custom-fields.service.js';

const fieldList = z.object({ items: z.array(customField) });

export function customFieldsRoutes(app: App) {
  const tags = ['custom fields'];
  app.get(
    '/custom-fields',
    { schema: { tags, querystring: customFieldListQuery, response: { 200: fieldList } } },
    (req) => inOrg(req, (ctx) => fields.list(ctx, req.query.entity)),
  );

  app.post(
    '/custom-fields',
    { schema: { tags, body: customFieldInput, response: { 201: customField } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => fields.create(ctx, req.body))),
  );

  app.put('/custom-fields/order', { schema: { tags, body: customFieldOrder, response: { 200: fieldList } } }, (req) =>
    inOrg(req, (ctx) => fields.reorder(ctx, req.body)),
  );

  app.patch(
    '/custom-fields/:id',
    { schema: { tags, params: idParams, body: customFieldPatch, response: { 200: customField } } },
    (req) => inOrg(req, (ctx) => fields.update(ctx, req.params.id, req.body)),
  );

  app.delete('/custom-fields/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => fields.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

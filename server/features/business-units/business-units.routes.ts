import { z } from 'zod';
import { idParams, page, pageQuery } from '../../../common/schemas/common.js';
import { businessUnit, businessUnitInput } from '../../../common/schemas/org.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import * as units from './business-units.service.js';

const nameCursor = z.tuple([z.string(), z.uuid()]);

export function businessUnitsRoutes(app: App) {
  const tags = ['business units'];
  app.get(
    '/business-units',
    { schema: { tags, querystring: pageQuery, response: { 200: page(businessUnit) } } },
    async (req) => {
      const result = await inOrg(req, (ctx) =>
        units.list(ctx, req.query.limit, decodeCursor(req.query.cursor, nameCursor)),
      );
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.post(
    '/business-units',
    { schema: { tags, body: businessUnitInput, response: { 201: businessUnit } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => units.create(ctx, req.body.name))),
  );

  app.patch(
    '/business-units/:id',
    { schema: { tags, params: idParams, body: businessUnitInput, response: { 200: businessUnit } } },
    (req) => inOrg(req, (ctx) => units.rename(ctx, req.params.id, req.body.name)),
  );

  app.delete('/business-units/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => units.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

import { z } from 'zod';
import { orgUnit, orgUnitInput } from '../../../common/schemas/classification.js';
import { idParams } from '../../../common/schemas/common.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as orgUnits from './org-units.service.js';

export function orgUnitsRoutes(app: App) {
  const tags = ['organizational units'];
  app.get('/org-units', { schema: { tags, response: { 200: z.object({ items: z.array(orgUnit) }) } } }, (req) =>
    inOrg(req, (ctx) => orgUnits.list(ctx)),
  );

  app.post('/org-units', { schema: { tags, body: orgUnitInput, response: { 201: orgUnit } } }, async (req, reply) =>
    reply.code(201).send(await inOrg(req, (ctx) => orgUnits.create(ctx, req.body.name))),
  );

  app.patch(
    '/org-units/:id',
    { schema: { tags, params: idParams, body: orgUnitInput, response: { 200: orgUnit } } },
    (req) => inOrg(req, (ctx) => orgUnits.rename(ctx, req.params.id, req.body.name)),
  );

  app.delete('/org-units/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => orgUnits.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

import { z } from 'zod';
import { billingLine, billingLineInput, billingLineParams, billingLinePatch } from '../../../common/schemas/billing.js';
import { idParams } from '../../../common/schemas/common.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as lines from './billing-lines.service.js';

export function billingLinesRoutes(app: App) {
  const tags = ['billing lines'];
  app.get(
    '/contracts/:id/billing-lines',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(billingLine) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => lines.list(ctx, req.params.id)) }),
  );

  app.post(
    '/contracts/:id/billing-lines',
    { schema: { tags, params: idParams, body: billingLineInput, response: { 201: billingLine } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => lines.create(ctx, req.params.id, req.body))),
  );

  app.patch(
    '/contracts/:id/billing-lines/:lineId',
    { schema: { tags, params: billingLineParams, body: billingLinePatch, response: { 200: billingLine } } },
    (req) => inOrg(req, (ctx) => lines.update(ctx, req.params.id, req.params.lineId, req.body)),
  );

  app.delete(
    '/contracts/:id/billing-lines/:lineId',
    { schema: { tags, params: billingLineParams } },
    async (req, reply) => {
      await inOrg(req, (ctx) => lines.remove(ctx, req.params.id, req.params.lineId));
      return reply.code(204).send();
    },
  );
}

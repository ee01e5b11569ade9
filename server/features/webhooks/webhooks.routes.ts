import { z } from 'zod';
import { idParams, page, pageQuery } from '../../../common/schemas/common.js';
import {
  webhookDelivery,
  webhookDeliveryParams,
  webhookEndpoint,
  webhookEndpointInput,
  webhookEndpointPatch,
  webhookEndpointWithSecret,
} from '../../../common/schemas/webhooks.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import * as webhooks from './webhooks.service.js';

const cursor = z.tuple([z.iso.datetime(), z.uuid()]);

/** Administrators' webhook endpoints and their delivery log (docs/api.md, "Webhooks"). */
export function webhooksRoutes(app: App) {
  const tags = ['webhooks'];
  app.get(
    '/webhooks',
    { schema: { tags, querystring: pageQuery, response: { 200: page(webhookEndpoint) } } },
    async (req) => {
      const result = await inOrg(req, (ctx) =>
        webhooks.list(ctx, req.query.limit, decodeCursor(req.query.cursor, cursor)),
      );
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.post(
    '/webhooks',
    { schema: { tags, body: webhookEndpointInput, response: { 201: webhookEndpointWithSecret } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => webhooks.create(ctx, req.body))),
  );

  app.get('/webhooks/:id', { schema: { tags, params: idParams, response: { 200: webhookEndpoint } } }, (req) =>
    inOrg(req, (ctx) => webhooks.get(ctx, req.params.id)),
  );

  app.patch(
    '/webhooks/:id',
    { schema: { tags, params: idParams, body: webhookEndpointPatch, response: { 200: webhookEndpoint } } },
    (req) => inOrg(req, (ctx) => webhooks.update(ctx, req.params.id, req.body)),
  );

  app.delete('/webhooks/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => webhooks.remove(ctx, req.params.id));
    return reply.code(204).send();
  });

  app.post(
    '/webhooks/:id/rotate-secret',
    { schema: { tags, params: idParams, response: { 200: webhookEndpointWithSecret } } },
    (req) => inOrg(req, (ctx) => webhooks.rotate(ctx, req.params.id)),
  );

  app.post('/webhooks/:id/enable', { schema: { tags, params: idParams, response: { 200: webhookEndpoint } } }, (req) =>
    inOrg(req, (ctx) => webhooks.setEnabled(ctx, req.params.id, true)),
  );

  app.post('/webhooks/:id/disable', { schema: { tags, params: idParams, response: { 200: webhookEndpoint } } }, (req) =>
    inOrg(req, (ctx) => webhooks.setEnabled(ctx, req.params.id, false)),
  );

  app.post(
    '/webhooks/:id/test',
    { schema: { tags, params: idParams, response: { 202: webhookDelivery } } },
    async (req, reply) => reply.code(202).send(await inOrg(req, (ctx) => webhooks.sendTest(ctx, req.params.id))),
  );

  app.get(
    '/webhooks/:id/deliveries',
    { schema: { tags, params: idParams, querystring: pageQuery, response: { 200: page(webhookDelivery) } } },
    async (req) => {
      const result = await inOrg(req, (ctx) =>
        webhooks.deliveries(ctx, req.params.id, req.query.limit, decodeCursor(req.query.cursor, cursor)),
      );
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.post(
    '/webhooks/:id/deliveries/:deliveryId/resend',
    { schema: { tags, params: webhookDeliveryParams, response: { 202: webhookDelivery } } },
    async (req, reply) =>
      reply.code(202).send(await inOrg(req, (ctx) => webhooks.resend(ctx, req.params.id, req.params.deliveryId))),
  );
}

import { z } from 'zod';
import { idParams, page, pageQuery } from '../../../common/schemas/common.js';
import { apiKey, apiKeyCreated, apiKeyInput } from '../../../common/schemas/org.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import * as keys from './api-keys.service.js';

export function apiKeysRoutes(app: App) {
  const tags = ['api keys'];
  app.get('/api-keys', { schema: { tags, querystring: pageQuery, response: { 200: page(apiKey) } } }, async (req) => {
    const result = await inOrg(req, (ctx) =>
      keys.list(ctx, req.query.limit, decodeCursor(req.query.cursor, z.iso.datetime())),
    );
    return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
  });

  app.post('/api-keys', { schema: { tags, body: apiKeyInput, response: { 201: apiKeyCreated } } }, async (req, reply) =>
    reply.code(201).send(await inOrg(req, (ctx) => keys.create(ctx, req.body))),
  );

  app.delete('/api-keys/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => keys.revoke(ctx, req.params.id));
    return reply.code(204).send();
  });
}

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { resourceTypes, schemas, serviceProviderConfig } from './scim.discovery.js';
import { ScimError, toScimError } from './scim.errors.js';
import { ifMatchOf, inScim, jsonOf, pageOf, sendScim, sendScimError, wantsMembers } from './scim.http.js';
import * as groups from './scim-groups.service.js';
import * as users from './scim-users.service.js';

export const scimNotFound = (req: FastifyRequest, reply: FastifyReply) =>
  sendScimError(reply, new ScimError(404, `No SCIM endpoint ${req.method} ${req.url.split('?')[0]!.slice(0, 200)}.`));

type Req = FastifyRequest<{ Params: { id: string }; Querystring: Record<string, unknown> }>;

/** A resource with its ETag and, when created, its Location (RFC 7644 §3.3, §3.14). */
function sendResource(reply: FastifyReply, status: number, body: { meta: { location: string; version: string } }) {
  reply.header('etag', body.meta.version);
  if (status === 201) reply.header('location', body.meta.location);
  return sendScim(reply, status, body);
}

/**
 * SCIM 2.0 (RFC 7643/7644) at /scim/v2, authenticated by the org's provisioning token. It follows
 * the SCIM standard rather than the API's conventions, so it is not in the OpenAPI document
 * (docs/api.md describes it; server/security/scim.attack.test.ts attacks it).
 */
export async function scimRoutes(app: FastifyInstance) {
  const hide = { schema: { hide: true } };
  // Bodies stay text until the token is confirmed (jsonOf, inside inScim): a caller without one learns nothing.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    ['application/json', 'application/scim+json', '*'],
    { parseAs: 'string' },
    (_req, body, done) => done(null, body),
  );
  app.addHook('onRequest', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });
  app.setErrorHandler((err, req, reply) => {
    const scim = toScimError(err);
    if (!scim) req.log.error({ err }, 'SCIM request failed');
    return sendScimError(reply, scim ?? new ScimError(500, 'Something went wrong; the request changed nothing.'));
  });
  app.setNotFoundHandler(scimNotFound);

  // Discovery answers only a caller with a live token, like every other endpoint here.
  app.get('/ServiceProviderConfig', hide, (req, reply) =>
    inScim(req, async (ctx) => sendScim(reply, 200, serviceProviderConfig(ctx.deps.config))),
  );
  app.get('/ResourceTypes', hide, (req, reply) =>
    inScim(req, async (ctx) => sendScim(reply, 200, resourceTypes(ctx.deps.config))),
  );
  app.get('/Schemas', hide, (req, reply) => inScim(req, async (ctx) => sendScim(reply, 200, schemas(ctx.deps.config))));

  app.get('/Users', hide, async (req: Req, reply) =>
    sendScim(reply, 200, await inScim(req, (ctx) => users.list(ctx, pageOf(req.query)))),
  );
  app.get('/Users/:id', hide, async (req: Req, reply) =>
    sendResource(reply, 200, await inScim(req, (ctx) => users.get(ctx, req.params.id))),
  );
  app.post('/Users', hide, async (req, reply) =>
    sendResource(reply, 201, await inScim(req, (ctx) => users.create(ctx, jsonOf(req.body)))),
  );
  app.put('/Users/:id', hide, async (req: Req, reply) =>
    sendResource(
      reply,
      200,
      await inScim(req, (ctx) => users.replace(ctx, req.params.id, jsonOf(req.body), ifMatchOf(req))),
    ),
  );
  app.patch('/Users/:id', hide, async (req: Req, reply) =>
    sendResource(
      reply,
      200,
      await inScim(req, (ctx) => users.patch(ctx, req.params.id, jsonOf(req.body), ifMatchOf(req))),
    ),
  );
  app.delete('/Users/:id', hide, async (req: Req, reply) => {
    await inScim(req, (ctx) => users.remove(ctx, req.params.id, ifMatchOf(req)));
    return reply.code(204).send();
  });

  app.get('/Groups', hide, async (req: Req, reply) =>
    sendScim(reply, 200, await inScim(req, (ctx) => groups.list(ctx, pageOf(req.query), wantsMembers(req.query)))),
  );
  app.get('/Groups/:id', hide, async (req: Req, reply) =>
    sendResource(reply, 200, await inScim(req, (ctx) => groups.get(ctx, req.params.id, wantsMembers(req.query)))),
  );
  app.post('/Groups', hide, async (req, reply) =>
    sendResource(reply, 201, await inScim(req, (ctx) => groups.create(ctx, jsonOf(req.body)))),
  );
  app.put('/Groups/:id', hide, async (req: Req, reply) =>
    sendResource(
      reply,
      200,
      await inScim(req, (ctx) => groups.replace(ctx, req.params.id, jsonOf(req.body), ifMatchOf(req))),
    ),
  );
  app.patch('/Groups/:id', hide, async (req: Req, reply) =>
    sendResource(
      reply,
      200,
      await inScim(req, (ctx) => groups.patch(ctx, req.params.id, jsonOf(req.body), ifMatchOf(req))),
    ),
  );
  app.delete('/Groups/:id', hide, async (req: Req, reply) => {
    await inScim(req, (ctx) => groups.remove(ctx, req.params.id, ifMatchOf(req)));
    return reply.code(204).send();
  });
}

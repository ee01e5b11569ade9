import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Ctx } from '../context.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * PATCH routes: the resource as its GET answers it, read in the PATCH's transaction, so an `If-Match` is
     * checked against what is there now (412 when it changed).
     */
    current?: (ctx: Ctx, req: FastifyRequest) => Promise<unknown>;
  }
}

/** A weak validator of a JSON answer: equal answers, equal tags. */
export function etagOf(value: unknown): string {
  return `W/"${createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 27)}"`;
}

/** Whether an `If-Match` header names this tag (or `*`); a list of tags is allowed. */
export function matchesIfMatch(header: string, tag: string): boolean {
  return header
    .split(',')
    .map((t) => t.trim())
    .some((t) => t === '*' || t === tag || t.replace(/^W\//, '') === tag.replace(/^W\//, ''));
}

/** Refuses the PATCH with 412 when its `If-Match` no longer names the resource as it is. */
export async function checkIfMatch(req: FastifyRequest, ctx: Ctx): Promise<void> {
  const header = req.headers['if-match'];
  const current = req.routeOptions.config?.current;
  if (typeof header !== 'string' || !current) return;
  if (!matchesIfMatch(header, etagOf(await current(ctx, req)))) {
    throw new AppError(
      'precondition_failed',
      'The resource was changed since the version named in If-Match; read it again and retry.',
    );
  }
}

/**
 * Every resource that can be PATCHed answers GET and PATCH with its ETag, the tag an `If-Match` names.
 * The tag is of the answer before serialisation, as `current` reads it.
 */
export function etagHeaders(app: FastifyInstance): void {
  const patchable = new Set<string>();
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.includes('PATCH') && route.config?.current) patchable.add(route.url);
  });
  app.addHook('preSerialization', async (req, reply, payload) => {
    const tagged = (req.method === 'GET' || req.method === 'PATCH') && patchable.has(req.routeOptions.url ?? '');
    if (tagged && reply.statusCode === 200 && payload && typeof payload === 'object' && !Buffer.isBuffer(payload)) {
      reply.header('etag', etagOf(payload));
    }
    return payload;
  });
}

/** `current` of a PATCH /things/:id whose GET answers `get(ctx, id)`. */
export const currentById =
  (get: (ctx: Ctx, id: string) => Promise<unknown>) =>
  (ctx: Ctx, req: FastifyRequest): Promise<unknown> =>
    get(ctx, (req.params as { id: string }).id);

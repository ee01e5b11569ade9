import type { FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import type { Principal } from '../../features/auth/principal.js';
import { type Ctx, type Deps, type PublicCtx, type RequestMeta, runInOrg } from '../context.js';
import { AppError } from '../errors.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    /** `METHOD /api/v1/...` of every documented route, for the OpenAPI completeness test. */
    apiRoutes: string[];
  }
  interface FastifyRequest {
    principal: Principal | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or API key. */
    public?: boolean;
  }
}

export type App = FastifyInstance<RawServerDefault, never, never, never, ZodTypeProvider> & FastifyInstance;

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return {
    id: String(req.id),
    ip: req.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null,
    via: req.principal ? req.principal.via : 'none',
  };
}

export function publicCtx(req: FastifyRequest): PublicCtx {
  return { deps: req.server.deps, request: requestMeta(req) };
}

/** Runs a service in the caller's org, in one transaction with row-level security set. */
export function inOrg<T>(req: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const principal = req.principal;
  if (!principal) throw new AppError('unauthenticated', 'Sign in first, or send an API key.');
  return runInOrg(req.server.deps, principal, requestMeta(req), fn);
}

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

export function decodeCursor<S extends z.ZodType>(cursor: string | undefined, schema: S): z.infer<S> | undefined {
  if (cursor === undefined) return undefined;
  try {
    const parsed = schema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // Falls through to the error below.
  }
  throw AppError.invalid('cursor', 'format', 'is not a cursor this API returned');
}

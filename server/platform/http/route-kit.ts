import type { FastifyInstance, FastifyRequest, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { requireScope } from '../../features/api-keys/scopes.js';
import { type Credential, resolvePrincipal } from '../../features/auth/principal.js';
import type { SessionStage } from '../../features/auth/session-cookies.js';
import { assertWritable } from '../../features/subscriptions/read-only.js';
import { type Actor, type Ctx, type Deps, type PublicCtx, type RequestMeta, transact } from '../context.js';
import { AppError } from '../errors.js';
import type { JobMetrics } from '../metrics.js';
import { checkIfMatch } from './etag.js';
import { claimIdempotencyKey, idempotentCall, keepIdempotentAnswer } from './idempotency.js';

declare module 'fastify' {
  interface FastifyInstance {
    deps: Deps;
    /** `METHOD /api/v1/...` of every documented route, for the OpenAPI completeness test. */
    apiRoutes: string[];
    /** Where the worker beside this app (WORKER=true) reports its runs, for /metrics. */
    jobMetrics: JobMetrics;
  }
  interface FastifyRequest {
    /** What the caller presented; confirmed against the database inside inOrg. */
    credential: Credential | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a session or API key. */
    public?: boolean;
    /**
     * Answers a cross-site POST by design (the SAML ACS, posted by the identity provider's page):
     * no session is read and no CSRF check applies; the route must not act on a session.
     */
    crossSite?: boolean;
    /** The stages of a sign-in this route serves (default: only a full session); see SIGN_IN_STEPS. */
    stages?: readonly SessionStage[];
    /** A write this route does is allowed while the account is read-only (cancelled): sign-out, reactivation, export. */
    whileReadOnly?: boolean;
  }
}

export type App = FastifyInstance<RawServerDefault, never, never, never, ZodTypeProvider> & FastifyInstance;

export function requestMeta(req: FastifyRequest): RequestMeta {
  const ua = req.headers['user-agent'];
  return {
    id: String(req.id),
    ip: req.ip ?? null,
    userAgent: typeof ua === 'string' ? ua.slice(0, 500) : null,
    via: 'none',
  };
}

export function publicCtx(req: FastifyRequest): PublicCtx {
  return { deps: req.server.deps, request: requestMeta(req) };
}

/**
 * Runs a service as the caller, in one transaction: the credential is confirmed, the caller's
 * org and user are claimed for row-level security, then the service does its work. A read-only
 * (cancelled) account's writes are refused here, for every route that does not opt in with
 * `whileReadOnly`: a new route cannot forget the rule.
 */
export function inOrg<T>(
  req: FastifyRequest,
  fn: (ctx: Ctx) => Promise<T>,
  stages: readonly SessionStage[] = req.routeOptions.config?.stages ?? FULL,
): Promise<T> {
  const credential = req.credential;
  if (!credential) throw unauthenticated();
  const { deps } = req.server;
  const idempotent = idempotentCall(req);
  return transact(deps, { tokenHash: credential.tokenHash }, async (tx, afterCommit) => {
    const principal = await resolvePrincipal(tx, deps.config, credential);
    if (!principal) throw unauthenticated();
    if (!stages.includes(principal.stage)) throw wrongStage(principal.stage);
    requireScope(req, principal.actor);
    const held = idempotent && { orgId: principal.orgId, principalId: actorId(principal.actor), key: idempotent.key };
    if (held) {
      const first = await claimIdempotencyKey(tx, deps.config.secretKey, held, idempotent, new Date());
      if (first) {
        req.idempotentReplay = true;
        return first.replay as T;
      }
    }
    if (!READS.has(req.method) && !req.routeOptions.config?.whileReadOnly) {
      await assertWritable(tx, deps.config, principal.orgId);
    }
    const request = { ...requestMeta(req), via: principal.via };
    const ctx = { orgId: principal.orgId, actor: principal.actor, tx, request, deps, afterCommit };
    if (req.method === 'PATCH') await checkIfMatch(req, ctx);
    const answer = await fn(ctx);
    if (held) await keepIdempotentAnswer(tx, deps.config.secretKey, held, answer);
    return answer;
  });
}

/** Whose Idempotency-Keys these are: the member's or the API key's own. */
const actorId = (actor: Actor) => (actor.type === 'system' ? '00000000-0000-0000-0000-000000000000' : actor.id);

const FULL: readonly SessionStage[] = ['full'];
const READS = new Set(['GET', 'HEAD']);

/** Routes that a sign-in still waiting for its second factor, or for enrolment, may reach. */
export const SIGN_IN_STEPS = {
  /** Signing out (or cancelling a pending sign-in). */
  any: ['full', 'second_factor', 'enrolment'],
  /** Reading oneself and enrolling a factor: what a member of an org that demands one may do first. */
  enrolment: ['full', 'enrolment'],
  secondFactor: ['second_factor'],
} as const satisfies Record<string, readonly SessionStage[]>;

/** Whether the route serves a sign-in at this stage (a full session: every route that takes a credential). */
export function servesStage(req: FastifyRequest, stage: SessionStage): boolean {
  return (req.routeOptions.config?.stages ?? FULL).includes(stage);
}

function wrongStage(stage: SessionStage): AppError {
  switch (stage) {
    case 'second_factor':
      // Half signed in is not signed in.
      return unauthenticated();
    case 'enrolment':
      return AppError.because(
        'forbidden',
        'second_factor_enrolment',
        'Your account requires a second factor: set one up before you go on.',
      );
    case 'full':
      return AppError.because('conflict', 'no_pending_sign_in', 'There is no sign-in waiting for a second factor.');
  }
}

const unauthenticated = () => new AppError('unauthenticated', 'Sign in first, or send a valid API key.');

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

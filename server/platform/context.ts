import type { FastifyBaseLogger } from 'fastify';
import type { ApiScopes } from '../../common/schemas/api-scopes.js';
import type { Config } from '../config.js';
import type { Database, Tx } from '../db/client.js';
import { type Claims, withClaims } from '../db/tx.js';
import { conflictOf } from './db-conflicts.js';
import { type AppError, CommittedRefusal } from './errors.js';
import type { Mailer } from './mail/mailer.js';
import type { SmsSender } from './sms/sms.js';
import type { BlobStore } from './storage/blob-store.js';

export type UnitRole = 'editor' | 'viewer';

export type Actor =
  | {
      type: 'user';
      id: string;
      name: string;
      email: string;
      isAdmin: boolean;
      /** Business unit id → role; administrators hold every unit and need no entries. */
      unitRoles: Record<string, UnitRole>;
      sessionId: string;
      /** What the web app echoes in X-CSRF-Token; empty outside a request. */
      csrfToken: string;
      /** Set while the sign-in is not complete: a code is due, or a factor must be enrolled first. */
      stage?: 'second_factor' | 'enrolment';
    }
  | {
      type: 'api_key';
      id: string;
      name: string;
      isAdmin: boolean;
      unitRoles: Record<string, UnitRole>;
      /** The resource families it may reach (common/schemas/api-scopes.ts); null: all its role allows. */
      scopes: ApiScopes;
    }
  | { type: 'system'; name: string };

export interface RequestMeta {
  id: string;
  ip: string | null;
  userAgent: string | null;
  via: 'session' | 'apiKey' | 'none' | 'cli' | 'scim';
}

export interface Deps {
  config: Config;
  database: Database;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /** Where sealed document bytes live (server/platform/storage). */
  blobs: BlobStore;
  /** Text messages (SMS sign-in codes); null when no provider is configured. */
  sms: SmsSender | null;
}

/** What every tenant service function receives: who, in which org, in which transaction. */
export interface Ctx {
  orgId: string;
  actor: Actor;
  tx: Tx;
  request: RequestMeta;
  deps: Deps;
  /** Work that must only happen once the transaction has committed (sending mail). */
  afterCommit(fn: () => Promise<unknown>): void;
}

/** What public (not yet signed-in) service functions receive. */
export interface PublicCtx {
  request: RequestMeta;
  deps: Deps;
}

type AfterCommit = (fn: () => Promise<unknown>) => void;

/**
 * One transaction, its claims set for row-level security; after-commit work runs only when it
 * committed, and a failure there is logged, never undoing what was committed. Losing a race to
 * a concurrent transaction (a unique key taken, a deadlock) becomes a 409, never a 500.
 */
export async function transact<T>(
  deps: Deps,
  claims: Claims,
  fn: (tx: Tx, afterCommit: AfterCommit) => Promise<T>,
): Promise<T> {
  const pending: (() => Promise<unknown>)[] = [];
  const outcome = await withClaims(deps.database.db, claims, async (tx) => {
    try {
      return { result: await fn(tx, (f) => pending.push(f)) };
    } catch (err) {
      // A refusal that keeps what was written before it (AppError.committing): commit, then refuse.
      if (err instanceof CommittedRefusal) return { refusal: err.error };
      throw err;
    }
  }).catch((err: unknown) => {
    throw conflictOf(err) ?? err;
  });
  for (const task of pending) {
    await task().catch((err: unknown) => deps.log.error({ err }, 'after-commit task failed'));
  }
  if ('refusal' in outcome) throw outcome.refusal as AppError;
  return outcome.result;
}

/** Runs work in an org as a known actor (the CLI, background jobs), in one transaction. */
export function runInOrg<T>(
  deps: Deps,
  principal: { orgId: string; actor: Actor },
  request: RequestMeta,
  fn: (ctx: Ctx) => Promise<T>,
): Promise<T> {
  const userId = principal.actor.type === 'user' ? principal.actor.id : null;
  return transact(deps, { orgId: principal.orgId, userId }, (tx, afterCommit) =>
    fn({ orgId: principal.orgId, actor: principal.actor, tx, request, deps, afterCommit }),
  );
}

import type { FastifyRequest } from 'fastify';
import { familyOfTag, type ScopeLevel, UNSCOPED_TAGS } from '../../../common/schemas/api-scopes.js';
import type { Actor } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';

const READS = new Set(['GET', 'HEAD']);

/** The family and level a route needs of a scoped key; null when any key may call it. */
export function scopeOfRoute(method: string, tags: readonly string[] | undefined): string | null {
  const tag = tags?.[0] ?? '';
  if ((UNSCOPED_TAGS as readonly string[]).includes(tag)) return null;
  const level: ScopeLevel = READS.has(method) ? 'read' : 'write';
  // A route of no known family needs a scope no key can hold, so a forgotten mapping fails closed.
  return `${familyOfTag(tag) ?? `untagged:${tag}`}:${level}`;
}

/**
 * An API key with scopes reaches a route only with the route's family at its level (`write` includes
 * `read`); on top of its role and units, which the services check as for everyone.
 */
export function requireScope(req: FastifyRequest, actor: Actor): void {
  if (actor.type !== 'api_key' || !actor.scopes) return;
  const needed = scopeOfRoute(req.method, req.routeOptions.schema?.tags);
  if (!needed) return;
  const [family, level] = needed.split(':') as [string, ScopeLevel];
  const held = (actor.scopes as Record<string, ScopeLevel | undefined>)[family];
  if (held === 'write' || (held === 'read' && level === 'read')) return;
  throw AppError.because('forbidden', 'scope_missing', `This API key does not hold the ${needed} scope.`, {
    scope: needed,
  });
}

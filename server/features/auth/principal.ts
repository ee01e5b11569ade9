import { and, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import { apiKeys } from '../../db/schema/index.js';
import { setClaims } from '../../db/tx.js';
import { type Actor, type Deps, transact } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import * as users from '../users/users.repo.js';
import { SESSION_TTL_MS, sessionTokenOf } from './session-cookies.js';
import { deleteSession, findSessionByHash, touchSession } from './sessions.repo.js';

export interface Principal {
  orgId: string;
  actor: Actor;
  via: 'session' | 'apiKey';
}

export const API_KEY_PREFIX = 'dbx_';

/** Who is calling: a session cookie or an API key, checked against the database every request. */
export async function resolvePrincipal(deps: Deps, request: FastifyRequest): Promise<Principal | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return resolveApiKey(deps, header.slice(7).trim());
  const token = sessionTokenOf(request, deps.config);
  return token ? resolveSession(deps, token) : null;
}

export async function resolveSession(deps: Deps, token: string): Promise<Principal | null> {
  const tokenHash = hashToken(token);
  return transact(deps, { tokenHash }, async (tx) => {
    const session = await findSessionByHash(tx, tokenHash);
    if (!session) return null;
    await setClaims(tx, { orgId: session.orgId, userId: session.userId });
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      await deleteSession(tx, session.orgId, session.id);
      return null;
    }
    const membership = await users.findMembership(tx, session.orgId, session.userId);
    const user = await users.findUser(tx, session.userId);
    if (!membership || !user || membership.lockedAt || membership.status !== 'active') return null;
    // Sliding expiry, written at most once a minute to keep reads cheap.
    if (now - session.lastSeenAt.getTime() > 60_000) {
      await touchSession(tx, session.orgId, session.id, new Date(now + SESSION_TTL_MS));
    }
    return {
      orgId: session.orgId,
      via: 'session' as const,
      actor: {
        type: 'user' as const,
        id: user.id,
        name: user.name,
        email: user.email,
        isAdmin: membership.isAdmin,
        unitRoles: membership.isAdmin ? {} : await users.unitRolesOf(tx, session.orgId, user.id),
        sessionId: session.id,
      },
    };
  });
}

async function resolveApiKey(deps: Deps, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_KEY_PREFIX) || token.length > 200) return null;
  const tokenHash = hashToken(token);
  return transact(deps, { tokenHash }, async (tx) => {
    const [key] = await tx
      .select()
      .from(apiKeys)
      .where(and(eq(apiKeys.tokenHash, tokenHash), isNull(apiKeys.revokedAt)));
    if (!key) return null;
    await setClaims(tx, { orgId: key.orgId });
    const now = new Date();
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
      await tx
        .update(apiKeys)
        .set({ lastUsedAt: now })
        .where(and(eq(apiKeys.orgId, key.orgId), eq(apiKeys.id, key.id)));
    }
    const isAdmin = key.role === 'administrator';
    const unitIds = isAdmin ? [] : (key.businessUnitIds ?? (await users.businessUnitIds(tx, key.orgId)));
    const role = key.role === 'editor' ? 'editor' : 'viewer';
    return {
      orgId: key.orgId,
      via: 'apiKey' as const,
      actor: {
        type: 'api_key' as const,
        id: key.id,
        name: key.name,
        isAdmin,
        unitRoles: Object.fromEntries(unitIds.map((id) => [id, role])),
      },
    };
  });
}

import type { FastifyRequest } from 'fastify';
import { type Actor, type Deps, transact } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import * as apiKeys from '../api-keys/api-keys.repo.js';
import { API_KEY_PREFIX } from '../api-keys/api-keys.service.js';
import * as users from '../users/users.repo.js';
import { SESSION_TTL_MS, sessionTokenOf } from './session-cookies.js';
import { claimSessionByHash, deleteSession, touchSession } from './sessions.repo.js';

export interface Principal {
  orgId: string;
  actor: Actor;
  via: 'session' | 'apiKey';
}

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
    const session = await claimSessionByHash(tx, tokenHash);
    if (!session) return null;
    const now = Date.now();
    if (session.expiresAt.getTime() <= now) {
      await deleteSession(tx, session.orgId, session.id);
      return null;
    }
    const member = await users.findMemberWithRoles(tx, session.orgId, session.userId);
    if (!member || member.membership.lockedAt || member.membership.status !== 'active') return null;
    const { membership, user } = member;
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
        unitRoles: membership.isAdmin ? {} : member.roles,
        sessionId: session.id,
      },
    };
  });
}

async function resolveApiKey(deps: Deps, token: string): Promise<Principal | null> {
  if (!token.startsWith(API_KEY_PREFIX) || token.length > 200) return null;
  const tokenHash = hashToken(token);
  return transact(deps, { tokenHash }, async (tx) => {
    const key = await apiKeys.claimLiveKeyByHash(tx, tokenHash);
    if (!key) return null;
    const now = new Date();
    // Last-used time is written at most once a minute to keep reads cheap.
    if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
      await apiKeys.markUsed(tx, key.orgId, key.id, now);
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

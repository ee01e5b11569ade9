import type { FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { Actor, UnitRole } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import * as apiKeys from '../api-keys/api-keys.repo.js';
import { API_KEY_PREFIX } from '../api-keys/api-keys.service.js';
import * as users from '../users/users.repo.js';
import { csrfTokenFor, type SessionStage, sessionTokenOf, sessionTtl } from './session-cookies.js';
import { claimSessionByHash, touchSession } from './sessions.repo.js';

/** What the caller presented, before the database has confirmed it. */
export interface Credential {
  kind: 'session' | 'apiKey';
  /** SHA-256 of the presented secret; the row-level security capability for the lookup. */
  tokenHash: string;
}

export interface Principal {
  orgId: string;
  actor: Actor;
  via: 'session' | 'apiKey';
  /** Sessions only: `full` once signed in; before, only the routes of that step accept it. */
  stage: SessionStage;
}

/** Reads the credential from `Authorization: Bearer` or the session cookie; no database work. */
export function credentialOf(request: FastifyRequest, config: Config): Credential | null {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    const token = header.slice(7).trim();
    // A malformed key still counts as presented, so the answer is 401 rather than "public".
    const valid = token.startsWith(API_KEY_PREFIX) && token.length <= 200;
    return { kind: 'apiKey', tokenHash: valid ? hashToken(token) : 'invalid' };
  }
  const token = sessionTokenOf(request, config);
  return token ? { kind: 'session', tokenHash: hashToken(token) } : null;
}

/**
 * Confirms the credential inside the request's transaction (which carries its `tokenHash`
 * claim) and claims the caller's org and user for the rest of it.
 */
export function resolvePrincipal(tx: Tx, config: Config, credential: Credential): Promise<Principal | null> {
  return credential.kind === 'session'
    ? resolveSession(tx, config, credential.tokenHash)
    : resolveApiKey(tx, credential.tokenHash);
}

async function resolveSession(tx: Tx, config: Config, tokenHash: string): Promise<Principal | null> {
  const session = await claimSessionByHash(tx, tokenHash);
  const now = Date.now();
  if (!session || session.expiresAt.getTime() <= now) return null;
  const member = await memberActor(tx, session.orgId, session.userId, {
    sessionId: session.id,
    csrfToken: csrfTokenFor(config, tokenHash),
  });
  if (!member) return null;
  // Sliding expiry, written at most once a minute to keep reads cheap; a pending sign-in does not slide.
  if (session.stage !== 'second_factor' && now - session.lastSeenAt.getTime() > 60_000) {
    await touchSession(tx, session.orgId, session.id, new Date(now + sessionTtl(session.stage)));
  }
  const actor = session.stage === 'full' ? member.actor : { ...member.actor, stage: session.stage };
  return { orgId: session.orgId, via: 'session', actor, stage: session.stage };
}

/** Whether a membership acts at all: only an active, unlocked member has a role. */
export function memberStanding(membership: users.MembershipRow): 'active' | 'locked' | 'invited' {
  if (membership.lockedAt) return 'locked';
  return membership.status === 'active' ? 'active' : 'invited';
}

/** A member as the actor their requests run as, with the roles they hold now. */
export function actorOfMember(
  member: { membership: users.MembershipRow; user: { id: string; name: string; email: string } },
  roles: Record<string, UnitRole>,
  session = { sessionId: '', csrfToken: '' },
): Extract<Actor, { type: 'user' }> {
  const { membership, user } = member;
  return {
    type: 'user' as const,
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: membership.isAdmin,
    unitRoles: membership.isAdmin ? {} : roles,
    ...session,
  };
}

/**
 * An active member as an actor with the roles they hold now, and their language; null when
 * locked, only invited or gone. Sessions pass their id and CSRF token; a calendar feed none.
 */
export async function memberActor(
  tx: Tx,
  orgId: string,
  userId: string,
  session = { sessionId: '', csrfToken: '' },
): Promise<{ actor: Extract<Actor, { type: 'user' }>; locale: 'en' | 'de' } | null> {
  const member = await users.findMemberWithRoles(tx, orgId, userId);
  if (!member || memberStanding(member.membership) !== 'active') return null;
  return { actor: actorOfMember(member, member.roles, session), locale: member.user.locale };
}

/** A key acts with its role in the units it names, or in every unit (`allUnitIds`) when it names none. */
export function apiKeyActor(key: apiKeys.ApiKeyRow, allUnitIds: string[]): Extract<Actor, { type: 'api_key' }> {
  const isAdmin = key.role === 'administrator';
  const unitIds = isAdmin ? [] : (key.businessUnitIds ?? allUnitIds);
  const role = key.role === 'editor' ? 'editor' : 'viewer';
  return {
    type: 'api_key',
    id: key.id,
    name: key.name,
    isAdmin,
    unitRoles: Object.fromEntries(unitIds.map((id) => [id, role])),
    scopes: key.scopes ?? null,
  };
}

async function resolveApiKey(tx: Tx, tokenHash: string): Promise<Principal | null> {
  const key = await apiKeys.claimLiveKeyByHash(tx, tokenHash);
  if (!key) return null;
  const now = new Date();
  // Last-used time is written at most once a minute to keep reads cheap.
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > 60_000) {
    await apiKeys.markUsed(tx, key.orgId, key.id, now);
  }
  const needsUnits = key.role !== 'administrator' && !key.businessUnitIds;
  const allUnitIds = needsUnits ? await users.businessUnitIds(tx, key.orgId) : [];
  return { orgId: key.orgId, via: 'apiKey', stage: 'full', actor: apiKeyActor(key, allUnitIds) };
}

import type { Me } from '../../../common/schemas/auth.js';
import type { Actor } from '../../platform/context.js';
import { abilitiesOf } from '../access/access.policy.js';
import type { MembershipRow, UserRow } from './users.repo.js';

export function presentOrgUser(user: UserRow, membership: MembershipRow, roles: Record<string, 'editor' | 'viewer'>) {
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: membership.isAdmin,
    status: membership.lockedAt ? ('locked' as const) : membership.status,
    roles: membership.isAdmin ? {} : roles,
    lastSignInAt: membership.lastSignInAt?.toISOString() ?? null,
    createdAt: membership.createdAt.toISOString(),
  };
}

export function presentMe(
  actor: Extract<Actor, { type: 'user' | 'api_key' }>,
  org: { id: string; name: string },
  user: UserRow | null,
  units: { id: string; name: string }[],
): Me {
  const roles = units.flatMap((unit) => {
    const role = actor.isAdmin ? ('administrator' as const) : actor.unitRoles[unit.id];
    return role ? [{ businessUnitId: unit.id, businessUnitName: unit.name, role }] : [];
  });
  return {
    user: user && {
      id: user.id,
      name: user.name,
      email: user.email,
      emailVerified: user.emailVerifiedAt !== null,
      locale: user.locale,
      dateFormat: user.dateFormat,
      timeZone: user.timeZone,
    },
    apiKey: actor.type === 'api_key' ? { id: actor.id, name: actor.name } : null,
    org,
    isAdmin: actor.isAdmin,
    roles,
    abilities: abilitiesOf(actor),
    via: actor.type === 'user' ? 'session' : 'apiKey',
    csrfToken: actor.type === 'user' ? actor.csrfToken : null,
    signInStage: actor.type === 'user' && actor.stage === 'enrolment' ? 'enrolment' : 'full',
  };
}

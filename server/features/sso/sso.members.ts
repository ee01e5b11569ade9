import { randomUUID } from 'node:crypto';
import type { SsoErrorCode } from '../../../common/schemas/sso.js';
import type { Tx } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import type { RequestMeta } from '../../platform/context.js';
import { recordWith } from '../audit/audit.service.js';
import { userActor } from '../auth/auth.service.js';
import { isReadOnlyNow, seatFree } from '../subscriptions/read-only.js';
import * as users from '../users/users.repo.js';
import type { SsoPerson } from './oidc.client.js';
import * as repo from './sso.repo.js';

type Found = { ok: true; user: users.UserRow } | { ok: false; code: SsoErrorCode };

interface Work {
  tx: Tx;
  orgId: string;
  request: RequestMeta;
  connection: repo.ConnectionRow;
}

/**
 * The member an identity provider's person is (claims of the org set on tx): by (connection, subject)
 * once linked; the first time by e-mail, then linked. Someone without a membership joins when the
 * connection has just-in-time membership on; an invitation not yet accepted is accepted now.
 * Every refusal comes before anything is written.
 */
export async function memberOf(w: Work, person: SsoPerson & { email: string }): Promise<Found> {
  const { tx, orgId, connection } = w;
  const identity = await repo.findIdentity(tx, orgId, connection.id, person.subject);
  await setClaims(tx, { email: person.email, userId: identity?.userId ?? null });
  let user = identity ? await users.findUser(tx, identity.userId) : await users.findUserByEmail(tx, person.email);
  if (user) await setClaims(tx, { userId: user.id });
  const membership = user ? await users.findMembership(tx, orgId, user.id) : null;
  if (membership?.lockedAt) return { ok: false, code: 'account_locked' };
  // Linked to another subject already: the provider now names someone else with this address.
  if (!identity && user && (await repo.findIdentityOfUser(tx, orgId, connection.id, user.id))) {
    return { ok: false, code: 'identity_conflict' };
  }
  if (!user || !membership) {
    if (!connection.jitRole || !connection.jitBusinessUnitId) return { ok: false, code: 'no_membership' };
    // A read-only (cancelled) account takes no new members; its members still sign in.
    if (await isReadOnlyNow(tx, orgId)) return { ok: false, code: 'account_read_only' };
    if (!(await seatFree(tx, orgId))) return { ok: false, code: 'seat_limit_reached' };
    user = user ?? (await newUser(tx, person));
    await setClaims(tx, { userId: user.id });
    await users.insertMembership(tx, { orgId, userId: user.id, isAdmin: false, status: 'active' });
    await users.replaceUnitRoles(tx, orgId, user.id, { [connection.jitBusinessUnitId]: connection.jitRole });
    await recordWith(
      { tx, orgId, actor: userActor(user), request: w.request },
      {
        action: 'user.joined_by_sso',
        objectType: 'user',
        objectId: user.id,
        subject: user,
        extra: { role: connection.jitRole, businessUnitId: connection.jitBusinessUnitId, connectionId: connection.id },
      },
    );
  } else if (membership.status === 'invited') {
    await users.updateMembership(tx, orgId, user.id, { status: 'active' });
    await recordWith(
      { tx, orgId, actor: userActor(user), request: w.request },
      { action: 'user.invitation_accepted', objectType: 'user', objectId: user.id, extra: { sso: true } },
    );
  }
  if (!user.emailVerifiedAt && user.email.toLowerCase() === person.email) {
    user = await users.updateUser(tx, user.id, { emailVerifiedAt: new Date() });
  }
  if (!identity) {
    await repo.insertIdentity(tx, { orgId, connectionId: connection.id, subject: person.subject, userId: user.id });
    await recordWith(
      { tx, orgId, actor: userActor(user), request: w.request },
      { action: 'auth.sso_linked', objectType: 'user', objectId: user.id, extra: { connectionId: connection.id } },
    );
  }
  return { ok: true, user };
}

/** A person new to Deedbox: no password (they sign in through their provider), address vouched for by it. */
function newUser(tx: Tx, person: SsoPerson & { email: string }): Promise<users.UserRow> {
  return users.insertUser(tx, {
    id: randomUUID(),
    email: person.email,
    name: person.name || person.email.split('@')[0]!,
    passwordHash: null,
    emailVerifiedAt: new Date(),
  });
}

import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { hashPassword, verifyPassword } from '../../platform/crypto/passwords.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { recordWith } from '../audit/audit.service.js';
import { assertPasswordRules, userActor } from '../auth/auth.service.js';
import { learnDevice } from '../auth/devices.service.js';
import { openSignIn, type PendingOrSession } from '../auth/sign-in-steps.js';
import { assertWritable } from '../subscriptions/read-only.js';
import * as invitations from './invitations.repo.js';
import * as repo from './users.repo.js';

const gone = () => AppError.notFound('Invitation');

export async function getInvitation(pub: PublicCtx, token: string) {
  const tokenHash = hashToken(token);
  return transact(pub.deps, { tokenHash }, async (tx) => {
    const invitation = await invitations.findOpen(tx, tokenHash);
    if (!invitation) throw gone();
    await setClaims(tx, { orgId: invitation.orgId });
    const org = (await repo.findOrg(tx, invitation.orgId))!;
    const user = (await repo.findUser(tx, invitation.userId))!;
    const inviter = invitation.invitedBy ? await repo.findUser(tx, invitation.invitedBy) : null;
    return {
      orgName: org.name,
      email: user.email,
      name: invitation.name,
      invitedBy: inviter?.name ?? org.name,
      expiresAt: invitation.expiresAt.toISOString(),
    };
  });
}

/**
 * Accepting sets the person's name and password (or, for someone who already has a
 * Deedbox password from another account, checks it) and signs them in.
 */
export async function acceptInvitation(
  pub: PublicCtx,
  token: string,
  input: { name: string; password: string },
): Promise<PendingOrSession> {
  const tokenHash = hashToken(token);
  const newHash = await hashPassword(input.password, pub.deps.config.scryptLogN);
  return transact(pub.deps, { tokenHash }, async (tx) => {
    const invitation = await invitations.findOpen(tx, tokenHash, true);
    if (!invitation) throw gone();
    const { orgId, userId } = invitation;
    await setClaims(tx, { orgId, userId });
    // Joining is a change: a read-only (cancelled) account takes no new members.
    await assertWritable(tx, pub.deps.config, orgId);
    const user = (await repo.findUser(tx, userId))!;
    if (user.passwordHash) {
      if (!(await verifyPassword(input.password, user.passwordHash))) {
        throw AppError.invalid('password', 'existing_password', 'must be the password you already use for Deedbox');
      }
    } else {
      assertPasswordRules(input.password, user.email);
      await repo.updateUser(tx, userId, { name: input.name, passwordHash: newHash, passwordChangedAt: new Date() });
    }
    const verified = await repo.updateUser(tx, userId, { emailVerifiedAt: user.emailVerifiedAt ?? new Date() });
    await repo.updateMembership(tx, orgId, userId, { status: 'active' });
    await invitations.markAccepted(tx, orgId, invitation.id);
    // Someone who already holds a second factor must still give a code before this signs them in;
    // the device is then learnt (or news of it mailed) when the code opens the session.
    const session = await openSignIn(tx, orgId, userId, pub.request);
    if (session.stage !== 'second_factor') await learnDevice(tx, pub.deps.config, userId, pub.request);
    await recordWith(
      { tx, orgId, actor: userActor(verified, session.sessionId), request: pub.request },
      { action: 'user.invitation_accepted', objectType: 'user', objectId: userId },
    );
    return session;
  });
}

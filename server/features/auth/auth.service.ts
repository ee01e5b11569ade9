import { randomUUID } from 'node:crypto';
import { passwordProblem } from '../../../common/passwords.js';
import { PASSWORD_MESSAGES } from '../../../common/schemas/auth.js';
import type { Tx } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import { type Actor, type Ctx, type PublicCtx, type RequestMeta, transact } from '../../platform/context.js';
import { hashPassword } from '../../platform/crypto/passwords.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { resetPasswordMail, verifyEmailMail } from '../../platform/mail/messages.js';
import { recordWith } from '../audit/audit.service.js';
import { passwordOpens } from '../sso/sso.enforcement.js';
import * as users from '../users/users.repo.js';
import { type SessionStage, sessionTtl } from './session-cookies.js';
import { deleteUserSessions, insertSession } from './sessions.repo.js';
import { consumeUserToken, issueUserToken, voidUserTokens } from './user-tokens.repo.js';

const VERIFY_TTL_MS = 48 * 3600 * 1000;
const RESET_TTL_MS = 3600 * 1000;

export interface Session {
  orgId: string;
  userId: string;
  sessionId: string;
  token: string;
  /** `full` unless a second factor is due or must be enrolled first (factors/sign-in-steps.ts). */
  stage: SessionStage;
  expiresAt: Date;
}

export function assertPasswordRules(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) throw AppError.invalid(field, problem, PASSWORD_MESSAGES[problem]);
}

export function userActor(user: users.UserRow, sessionId = ''): Extract<Actor, { type: 'user' }> {
  return {
    type: 'user',
    id: user.id,
    name: user.name,
    email: user.email,
    isAdmin: false,
    unitRoles: {},
    sessionId,
    csrfToken: '',
  };
}

/** Opens a session in the org whose claim is set on tx; a pending one (`stage`) is not yet a sign-in. */
export async function startSession(
  tx: Tx,
  orgId: string,
  userId: string,
  request: RequestMeta,
  stage: SessionStage = 'full',
): Promise<Session> {
  const token = newToken();
  const sessionId = randomUUID();
  const expiresAt = new Date(Date.now() + sessionTtl(stage));
  await insertSession(tx, {
    orgId,
    id: sessionId,
    userId,
    tokenHash: hashToken(token),
    ip: request.ip,
    userAgent: request.userAgent?.slice(0, 500) ?? null,
    expiresAt,
    stage,
  });
  if (stage !== 'second_factor') await users.updateMembership(tx, orgId, userId, { lastSignInAt: new Date() });
  return { orgId, userId, sessionId, token, stage, expiresAt };
}

/**
 * Returns before the address is even looked up, so neither the answer nor its timing can tell
 * whether it belongs to anyone: the lookup, the link and the mail all happen after the answer.
 */
export function requestPasswordReset(pub: PublicCtx, email: string): void {
  sendPasswordReset(pub, email).catch((err: unknown) => pub.deps.log.error({ err }, 'password reset failed'));
}

async function sendPasswordReset(pub: PublicCtx, email: string): Promise<void> {
  const mail = await transact(pub.deps, { email }, async (tx) => {
    const user = await users.findUserByEmail(tx, email);
    if (!user) return null;
    await setClaims(tx, { userId: user.id });
    const active = (await users.membershipsOfUser(tx, user.id)).filter((m) => m.status === 'active');
    // A member provisioned by SCIM has no password yet: this is how they set one. An invitee uses their invitation.
    if (!user.passwordHash && active.length === 0) return null;
    // No reset link for someone whose every account signs in with single sign-on: a password opens none.
    if (active.length > 0 && (await passwordOpens(tx, user.id, active)).length === 0) {
      await recordInEveryOrg(tx, user, pub.request, 'auth.password_reset_requested', { refused: 'sso_required' });
      pub.deps.log.info({ userId: user.id }, 'password reset refused: single sign-on enforced');
      return null;
    }
    const token = await issueUserToken(tx, user.id, 'reset_password', RESET_TTL_MS);
    await recordInEveryOrg(tx, user, pub.request, 'auth.password_reset_requested');
    return resetPasswordMail(
      user.locale,
      user.email,
      user.name,
      `${pub.deps.config.appUrl}/reset-password?token=${token}`,
    );
  });
  if (mail) await pub.deps.mailer.send(mail);
}

export async function resetPassword(pub: PublicCtx, token: string, password: string): Promise<void> {
  const passwordHash = await hashPassword(password, pub.deps.config.scryptLogN);
  await transact(pub.deps, { tokenHash: hashToken(token) }, async (tx) => {
    const userId = await consumeUserToken(tx, token, 'reset_password');
    if (!userId) throw new AppError('invalid_token', 'This reset link is invalid, used or expired. Ask for a new one.');
    await setClaims(tx, { userId });
    const user = (await users.findUser(tx, userId))!;
    assertPasswordRules(password, user.email);
    const now = new Date();
    await users.updateUser(tx, userId, {
      passwordHash,
      passwordChangedAt: now,
      emailVerifiedAt: user.emailVerifiedAt ?? now,
    });
    await endEverySession(tx, userId, null);
    await recordInEveryOrg(tx, user, pub.request, 'auth.password_reset');
  });
}

export async function verifyEmail(pub: PublicCtx, token: string): Promise<void> {
  await transact(pub.deps, { tokenHash: hashToken(token) }, async (tx) => {
    const userId = await consumeUserToken(tx, token, 'verify_email');
    if (!userId) throw new AppError('invalid_token', 'This confirmation link is invalid, used or expired.');
    await setClaims(tx, { userId });
    const user = (await users.findUser(tx, userId))!;
    if (!user.emailVerifiedAt) await users.updateUser(tx, userId, { emailVerifiedAt: new Date() });
    await recordInEveryOrg(tx, user, pub.request, 'auth.email_verified');
  });
}

/** A fresh verification link for the signed-in person, unless already verified. */
export async function sendVerification(ctx: Ctx): Promise<void> {
  if (ctx.actor.type !== 'user') return;
  const user = (await users.findUser(ctx.tx, ctx.actor.id))!;
  if (user.emailVerifiedAt) return;
  const token = await issueUserToken(ctx.tx, user.id, 'verify_email', VERIFY_TTL_MS);
  const link = `${ctx.deps.config.appUrl}/verify-email?token=${token}`;
  ctx.afterCommit(() => ctx.deps.mailer.send(verifyEmailMail(user.locale, user.email, user.name, link)));
}

/**
 * Ends every session of the person in every org and voids their outstanding reset links: what a
 * password change or reset must do, since the old password or an old link may be in other hands.
 * Sessions sit under per-org row-level security; rather than a SECURITY DEFINER escape hatch, this
 * claims each org of the person in turn (their memberships are visible through the `userId` claim,
 * which the caller must have set) and restores the caller's org claim afterwards.
 */
export async function endEverySession(tx: Tx, userId: string, restoreOrgId: string | null): Promise<number> {
  let ended = 0;
  for (const m of await users.membershipsOfUser(tx, userId)) {
    await setClaims(tx, { orgId: m.orgId });
    ended += await deleteUserSessions(tx, m.orgId, userId);
  }
  await setClaims(tx, { orgId: restoreOrgId });
  await voidUserTokens(tx, userId, 'reset_password');
  return ended;
}

/** Account-level events belong in the log of every org the person is active in. */
async function recordInEveryOrg(
  tx: Tx,
  user: users.UserRow,
  request: RequestMeta,
  action: 'auth.password_reset_requested' | 'auth.password_reset' | 'auth.email_verified',
  extra?: Record<string, unknown>,
): Promise<void> {
  for (const m of await users.membershipsOfUser(tx, user.id)) {
    if (m.status !== 'active') continue;
    await setClaims(tx, { orgId: m.orgId });
    await recordWith(
      { tx, orgId: m.orgId, actor: userActor(user), request },
      { action, objectType: 'user', objectId: user.id, ...(extra ? { extra } : {}) },
    );
  }
}

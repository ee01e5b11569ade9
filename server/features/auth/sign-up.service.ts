import { randomUUID } from 'node:crypto';
import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { hashPassword } from '../../platform/crypto/passwords.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { confirmSignUpMail, signUpAttemptMail } from '../../platform/mail/messages.js';
import { recordWith } from '../audit/audit.service.js';
import { createOrgWithOwner } from '../orgs/orgs.service.js';
import * as users from '../users/users.repo.js';
import { assertPasswordRules, type Session, startSession, userActor } from './auth.service.js';
import { learnDevice } from './devices.service.js';
import { deletePendingSignUps, insertPendingSignUp, takePendingSignUp } from './pending-sign-ups.repo.js';

const CONFIRM_TTL_MS = 48 * 3600 * 1000;

export interface SignUpInput {
  name: string;
  email: string;
  password: string;
  companyName: string;
  locale: 'en' | 'de';
}

/**
 * Answers alike, in content and in work, whether or not the address is registered: the password
 * is hashed and a pending sign-up stored either way. A new address is mailed the link that
 * creates the account; a registered one's owner is told someone tried, and may sign in or reset.
 */
export async function signUp(pub: PublicCtx, input: SignUpInput): Promise<void> {
  assertPasswordRules(input.password, input.email);
  const passwordHash = await hashPassword(input.password, pub.deps.config.scryptLogN);
  const token = newToken();
  const { appUrl } = pub.deps.config;
  const mail = await transact(pub.deps, { email: input.email }, async (tx) => {
    const now = new Date();
    await deletePendingSignUps(tx, input.email, now);
    await insertPendingSignUp(tx, {
      tokenHash: hashToken(token),
      email: input.email,
      name: input.name,
      passwordHash,
      companyName: input.companyName,
      locale: input.locale,
      expiresAt: new Date(now.getTime() + CONFIRM_TTL_MS),
    });
    const owner = await users.findUserByEmail(tx, input.email);
    return owner
      ? signUpAttemptMail(owner.locale, owner.email, owner.name, appUrl)
      : confirmSignUpMail(input.locale, input.email, input.name, `${appUrl}/confirm-sign-up?token=${token}`);
  });
  // Not awaited: the answer must take as long whichever mail goes out.
  pub.deps.mailer.send(mail).catch((err: unknown) => pub.deps.log.error({ err }, 'sign-up mail failed'));
}

/** The mailed link creates the org with its first user as Administrator and signs them in. */
export async function confirmSignUp(pub: PublicCtx, token: string): Promise<Session> {
  const invalid = () => new AppError('invalid_token', 'This sign-up link is invalid, used or expired. Sign up again.');
  return transact(pub.deps, { tokenHash: hashToken(token) }, async (tx) => {
    const pending = await takePendingSignUp(tx, hashToken(token));
    if (!pending || pending.expiresAt.getTime() <= Date.now()) throw invalid();
    const email = pending.email.toLowerCase();
    await setClaims(tx, { email });
    // Registered meanwhile (another link, an invitation): this link creates nothing.
    if (await users.findUserByEmail(tx, email)) throw invalid();
    await deletePendingSignUps(tx, email);
    const orgId = randomUUID();
    const userId = randomUUID();
    await setClaims(tx, { orgId, userId });
    const owner = {
      name: pending.name,
      email,
      passwordHash: pending.passwordHash,
      locale: pending.locale,
      emailVerified: true,
    };
    const user = await createOrgWithOwner(tx, pub.deps.config, {
      orgId,
      userId,
      companyName: pending.companyName,
      owner,
    });
    const session = await startSession(tx, orgId, userId, pub.request);
    await learnDevice(tx, pub.deps.config, userId, pub.request);
    const writer = { tx, orgId, actor: userActor(user, session.sessionId), request: pub.request };
    await recordWith(writer, {
      action: 'org.created',
      objectType: 'org',
      objectId: orgId,
      extra: { name: pending.companyName },
    });
    await recordWith(writer, { action: 'auth.signed_up', objectType: 'user', objectId: userId, subject: user });
    return session;
  });
}

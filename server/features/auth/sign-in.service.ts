import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { burnPasswordCheck, verifyPassword } from '../../platform/crypto/passwords.js';
import { AppError } from '../../platform/errors.js';
import { failedSignInsMail } from '../../platform/mail/messages.js';
import { recordWith } from '../audit/audit.service.js';
import { passwordOpens } from '../sso/sso.enforcement.js';
import * as users from '../users/users.repo.js';
import { userActor } from './auth.service.js';
import { warnOfNewDevice } from './devices.service.js';
import { openSignIn, type PendingOrSession } from './sign-in-steps.js';
import {
  FREE_PER_ACCOUNT,
  recordFailure,
  recordSuccess,
  retryAfter,
  throttledError,
  throttleFor,
} from './sign-in-throttle.js';

/** The person hears about throttled sign-ins at most once in this time, however many addresses try. */
const ALERT_EVERY_MS = 3600 * 1000;

type Outcome =
  | { ok: true; session: PendingOrSession }
  | { ok: false; code: 'invalid_credentials' | 'account_locked' | 'no_account' | 'sso_required' }
  | { ok: false; code: 'throttled'; seconds: number };

/**
 * Known and unknown addresses take the same path: the throttle check, one scrypt verification
 * (against a dummy hash when nobody owns the address) and the same failure counting.
 */
export async function signIn(pub: PublicCtx, email: string, password: string): Promise<PendingOrSession> {
  const throttle = throttleFor(pub.request.ip, email);
  const now = new Date();
  const outcome = await transact(pub.deps, { email, ip: throttle.ip }, async (tx, afterCommit): Promise<Outcome> => {
    const seconds = await retryAfter(tx, throttle, now);
    // No verification and no log entry while throttled: the refusal costs the same for every address.
    if (seconds) return { ok: false, code: 'throttled', seconds };
    const user = await users.findUserByEmail(tx, email);
    if (!user?.passwordHash) {
      await burnPasswordCheck(password, pub.deps.config.scryptLogN);
      await recordFailure(tx, throttle, now);
      return { ok: false, code: 'invalid_credentials' };
    }
    await setClaims(tx, { userId: user.id });
    const all = await users.membershipsOfUser(tx, user.id);
    const active = all.filter((m) => m.status === 'active');
    const usable = active.filter((m) => !m.lockedAt);
    const fail = async (
      reason: string,
      code: 'invalid_credentials' | 'account_locked' | 'no_account' | 'sso_required',
    ) => {
      for (const m of active) {
        await setClaims(tx, { orgId: m.orgId });
        const writer = { tx, orgId: m.orgId, actor: { type: 'anonymous' as const, email }, request: pub.request };
        await recordWith(writer, {
          action: 'auth.sign_in_failed',
          objectType: 'user',
          objectId: user.id,
          subject: user,
          extra: { reason },
        });
      }
      return { ok: false as const, code };
    };
    if (!(await verifyPassword(password, user.passwordHash))) {
      const { started } = await recordFailure(tx, throttle, now);
      const alerted = user.signInAlertAt && now.getTime() - user.signInAlertAt.getTime() < ALERT_EVERY_MS;
      if (started && !alerted) {
        await users.updateUser(tx, user.id, { signInAlertAt: now });
        const href = `${pub.deps.config.appUrl}/forgot-password`;
        const mail = failedSignInsMail(user.locale, user.email, user.name, FREE_PER_ACCOUNT, throttle.ip, href);
        // Not awaited: the answer must take as long whether or not a mail goes out.
        afterCommit(async () => {
          pub.deps.mailer.send(mail).catch((err: unknown) => pub.deps.log.error({ err }, 'sign-in alert failed'));
        });
      }
      return fail(started ? 'wrong_password_now_throttled' : 'wrong_password', 'invalid_credentials');
    }
    if (active.length === 0) return fail('no_membership', 'no_account');
    if (usable.length === 0) return fail('locked_by_admin', 'account_locked');
    const open = await passwordOpens(tx, user.id, usable);
    if (open.length === 0) return fail('sso_required', 'sso_required');
    const orgId = open[0]!.orgId;
    await setClaims(tx, { orgId });
    const session = await openSignIn(tx, orgId, user.id, pub.request);
    // With a code still due the failures stay counted: guessing codes is throttled like guessing passwords.
    if (session.stage === 'second_factor') return { ok: true, session };
    await recordSuccess(tx, throttle);
    const writer = { tx, orgId, actor: userActor(user, session.sessionId), request: pub.request };
    const extra = session.stage === 'enrolment' ? { extra: { stage: 'enrolment' } } : {};
    await recordWith(writer, {
      action: 'auth.signed_in',
      objectType: 'session',
      objectId: session.sessionId,
      ...extra,
    });
    await warnOfNewDevice({ tx, deps: pub.deps, request: pub.request, afterCommit }, user, session);
    return { ok: true, session };
  });
  if (outcome.ok) return outcome.session;
  switch (outcome.code) {
    case 'throttled':
      throw throttledError(outcome.seconds);
    case 'account_locked':
      throw AppError.because('account_locked', 'locked', 'An administrator has locked your access to this account.');
    case 'no_account':
      throw AppError.because(
        'account_locked',
        'no_account',
        'You no longer belong to any account. Ask an administrator to invite you.',
      );
    case 'invalid_credentials':
      throw new AppError('invalid_credentials', 'The e-mail address or the password is wrong.');
    case 'sso_required':
      throw new AppError('sso_required', 'Your account signs in with single sign-on: continue with single sign-on.');
  }
}

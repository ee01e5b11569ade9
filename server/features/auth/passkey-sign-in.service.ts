import type { AuthenticationResponse } from '../../../common/schemas/factors.js';
import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { recordWith } from '../audit/audit.service.js';
import * as factors from '../factors/factors.repo.js';
import { isPasskey, passkeyRefused } from '../factors/passkeys.service.js';
import { authenticationOptions, CHALLENGE_TTL_MS, verifyAuthentication } from '../factors/webauthn.js';
import * as challenges from '../factors/webauthn-challenges.repo.js';
import { passwordOpens } from '../sso/sso.enforcement.js';
import * as users from '../users/users.repo.js';
import { type Session, startSession, userActor } from './auth.service.js';
import { warnOfNewDevice } from './devices.service.js';
import { recordFailure, recordSuccess, retryAfter, throttledError, throttleFor } from './sign-in-throttle.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The person a discoverable credential names (its user handle is their id), or null. */
export function userIdOfHandle(handle: string | undefined): string | null {
  if (!handle) return null;
  const id = Buffer.from(handle, 'base64url').toString('utf8');
  return UUID.test(id) ? id : null;
}

/**
 * Options for a sign-in with any passkey of ours (no e-mail address asked). The challenge is kept
 * for five minutes under the hash of a new random token, which the route hands the browser as a cookie.
 */
export async function startPasskeySignIn(pub: PublicCtx) {
  const token = newToken();
  const tokenHash = hashToken(token);
  const options = await authenticationOptions(pub.deps.config, null);
  const expiresAt = new Date(Date.now() + CHALLENGE_TTL_MS);
  await transact(pub.deps, { tokenHash }, (tx) =>
    challenges.storeBrowserChallenge(tx, tokenHash, options.challenge, expiresAt),
  );
  return { token, options: { ...options } };
}

type Outcome = { ok: true; session: Session } | { ok: false; error: AppError };

/**
 * A passkey that verified its user stands for the password and the second factor: it opens a full
 * session in the person's first usable account, exactly as a password and a code would. Refusals
 * count on the sign-in throttle of the person (and the address) and are logged like wrong passwords.
 */
export async function signInWithPasskey(
  pub: PublicCtx,
  browserToken: string | null,
  response: AuthenticationResponse,
): Promise<Session> {
  const now = new Date();
  const tokenHash = browserToken ? hashToken(browserToken) : 'none';
  const ip = pub.request.ip ?? 'unknown';
  const outcome = await transact(pub.deps, { tokenHash, ip }, async (tx, afterCommit): Promise<Outcome> => {
    // Taken first, so whatever follows, this challenge has been answered once.
    const challenge = browserToken ? await challenges.takeBrowserChallenge(tx, tokenHash, now) : null;
    const userId = userIdOfHandle(response.response.userHandle);
    if (userId) await setClaims(tx, { userId });
    const user = userId ? await users.findUser(tx, userId) : null;
    const throttle = throttleFor(pub.request.ip, user?.email ?? `passkey:${response.id}`);
    const seconds = await retryAfter(tx, throttle, now);
    if (seconds) return { ok: false, error: throttledError(seconds) };
    const active = user ? (await users.membershipsOfUser(tx, user.id)).filter((m) => m.status === 'active') : [];
    const fail = async (reason: string, error: AppError): Promise<Outcome> => {
      await recordFailure(tx, throttle, now);
      for (const m of user ? active : []) {
        await setClaims(tx, { orgId: m.orgId });
        const writer = {
          tx,
          orgId: m.orgId,
          actor: { type: 'anonymous' as const, email: user!.email },
          request: pub.request,
        };
        await recordWith(writer, {
          action: 'auth.sign_in_failed',
          objectType: 'user',
          objectId: user!.id,
          subject: user!,
          extra: { reason, passkey: true },
        });
      }
      return { ok: false, error };
    };
    const row = user ? await factors.findPasskey(tx, user.id, response.id) : null;
    if (!challenge || !user || !row || !isPasskey(row)) return fail('passkey_refused', passkeyRefused());
    const checked = await verifyAuthentication(pub.deps.config, response, challenge, row, true);
    if (!checked || !(await factors.acceptPasskeyUse(tx, user.id, row.id, row.signCount, checked.signCount, now))) {
      return fail('passkey_refused', passkeyRefused());
    }
    const usable = active.filter((m) => !m.lockedAt);
    if (active.length === 0) return fail('no_membership', noAccount());
    if (usable.length === 0) return fail('locked_by_admin', locked());
    // A passkey stands in for the password: where single sign-on is enforced it opens nothing either.
    const open = await passwordOpens(tx, user.id, usable);
    if (open.length === 0) return fail('sso_required', ssoRequired());
    const orgId = open[0]!.orgId;
    await setClaims(tx, { orgId });
    await recordSuccess(tx, throttle);
    const session = await startSession(tx, orgId, user.id, pub.request);
    const writer = { tx, orgId, actor: userActor(user, session.sessionId), request: pub.request };
    await recordWith(writer, {
      action: 'auth.signed_in',
      objectType: 'session',
      objectId: session.sessionId,
      extra: { passkey: true, factorId: row.id },
    });
    await warnOfNewDevice({ tx, deps: pub.deps, request: pub.request, afterCommit }, user, session);
    return { ok: true, session };
  });
  if (!outcome.ok) throw outcome.error;
  return outcome.session;
}

const ssoRequired = () =>
  new AppError('sso_required', 'Your account signs in with single sign-on: continue with single sign-on.');
const locked = () =>
  AppError.because('account_locked', 'locked', 'An administrator has locked your access to this account.');
const noAccount = () =>
  AppError.because(
    'account_locked',
    'no_account',
    'You no longer belong to any account. Ask an administrator to invite you.',
  );

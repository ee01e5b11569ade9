import type { SsoErrorCode } from '../../../common/schemas/sso.js';
import type { Tx } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { hashToken, safeEqual } from '../../platform/crypto/tokens.js';
import { recordWith } from '../audit/audit.service.js';
import { type Session, startSession, userActor } from '../auth/auth.service.js';
import { warnOfNewDevice } from '../auth/devices.service.js';
import type { UserRow } from '../users/users.repo.js';
import { discover, finish, isProviderRefusal, type SsoPerson } from './oidc.client.js';
import { memberOf } from './sso.members.js';
import * as repo from './sso.repo.js';
import { clientSecretOf } from './sso.settings.service.js';

export type CallbackOutcome = { ok: true; session: Session } | { ok: false; code: SsoErrorCode };

interface CallbackInput {
  /** The browser's `dbx_sso` cookie, which binds the answer to the browser that started. */
  cookieToken: string | null;
  state: string | undefined;
  /** The URL the provider sent the browser to, as openid-client reads it (code, state, iss, error). */
  callbackUrl: URL;
}

/**
 * The identity provider's answer. Every refusal is returned (so that spending the pending sign-in and
 * its log entry commit) and shown to the person as a page; it is logged in the account once known.
 */
export async function finishSignIn(pub: PublicCtx, input: CallbackInput): Promise<CallbackOutcome> {
  if (!input.cookieToken) return stateInvalid(pub, 'no_cookie');
  const tokenHash = hashToken(input.cookieToken);
  const cookieToken = input.cookieToken;
  const outcome = await transact(pub.deps, { tokenHash }, async (tx, afterCommit): Promise<CallbackOutcome> => {
    const pending = await repo.consumeSignIn(tx, tokenHash, new Date());
    if (!pending) return { ok: false, code: 'state_invalid' };
    const orgId = pending.orgId;
    await setClaims(tx, { orgId });
    const refuse = async (code: SsoErrorCode, extra: Record<string, unknown> = {}, email?: string) => {
      await recordWith(
        { tx, orgId, actor: { type: 'anonymous', ...(email ? { email } : {}) }, request: pub.request },
        {
          action: 'auth.sso_failed',
          objectType: 'sso_connection',
          objectId: pending.connectionId,
          extra: { reason: code, ...extra },
        },
      );
      return { ok: false as const, code };
    };
    if (!input.state || !safeEqual(input.state, pending.state)) return refuse('state_invalid');
    const connection = await repo.findConnection(tx, orgId);
    if (!connection?.enabled || connection.id !== pending.connectionId || !connection.issuer || !connection.clientId) {
      return refuse('connection_disabled');
    }
    const settings = {
      issuer: connection.issuer,
      clientId: connection.clientId,
      clientSecret: (await clientSecretOf({ tx, deps: pub.deps, orgId }, connection)) ?? '',
    };
    let person: SsoPerson;
    try {
      const oidc = await discover(pub.deps.config, settings);
      person = await finish(pub.deps.config, oidc, input.callbackUrl, { cookieToken, state: pending.state });
    } catch (error) {
      const detail = error instanceof Error ? `${error.name}: ${error.message}`.slice(0, 300) : 'unknown';
      pub.deps.log.warn({ orgId, err: detail }, 'OIDC sign-in refused');
      if (isProviderRefusal(error)) return refuse('idp_error', { detail });
      return refuse('token_rejected', { detail });
    }
    if (!person.email) return refuse('email_missing', { subject: person.subject });
    if (person.emailVerified === false) return refuse('email_unverified', {}, person.email);
    const domains = await repo.listDomains(tx, orgId);
    const domain = person.email.split('@')[1];
    if (!domains.some((d) => d.verifiedAt && d.domain === domain)) {
      return refuse('domain_not_verified', {}, person.email);
    }
    const member = await memberOf({ tx, orgId, request: pub.request, connection }, { ...person, email: person.email });
    if (!member.ok) return refuse(member.code, {}, person.email);
    const session = await openSsoSession(tx, orgId, member.user, pub, {
      protocol: 'oidc',
      connectionId: connection.id,
    });
    await repo.touchIdentity(tx, orgId, connection.id, person.subject, new Date());
    await warnOfNewDevice({ tx, deps: pub.deps, request: pub.request, afterCommit }, member.user, session);
    return { ok: true, session };
  });
  return outcome;
}

/** The identity provider owns the second factor: a single sign-on opens a full session (SAML too). */
export async function openSsoSession(
  tx: Tx,
  orgId: string,
  user: UserRow,
  pub: PublicCtx,
  sso: { protocol: 'oidc' | 'saml'; connectionId: string },
) {
  const session = await startSession(tx, orgId, user.id, pub.request, 'full');
  await recordWith(
    { tx, orgId, actor: userActor(user, session.sessionId), request: pub.request },
    {
      action: 'auth.signed_in',
      objectType: 'session',
      objectId: session.sessionId,
      extra: { sso: { protocol: sso.protocol, connectionId: sso.connectionId } },
    },
  );
  return session;
}

/** Without a pending sign-in no account is known: the server log is the only record. */
function stateInvalid(pub: PublicCtx, why: string): CallbackOutcome {
  pub.deps.log.warn({ why }, 'SSO answer without a pending sign-in');
  return { ok: false, code: 'state_invalid' };
}

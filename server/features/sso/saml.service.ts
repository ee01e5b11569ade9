import { createHash, randomUUID } from 'node:crypto';
import type { SsoErrorCode } from '../../../common/schemas/sso.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import {
  finishSamlSignIn,
  type SamlIdentity,
  type SamlIdp,
  SamlRefusal,
  type SamlSp,
  startSamlSignIn,
} from '../../platform/saml/saml-sp.js';
import { recordWith } from '../audit/audit.service.js';
import { warnOfNewDevice } from '../auth/devices.service.js';
import type { CallbackOutcome } from './sso.callback.service.js';
import { openSsoSession } from './sso.callback.service.js';
import { memberOf } from './sso.members.js';
import * as repo from './sso.repo.js';

export const SAML_PATH = '/api/v1/auth/sso/saml';
/** Where the ACS sends the browser on: a same-site GET, which carries the `dbx_sso` cookie. */
export const SAML_FINISH_PATH = `${SAML_PATH}/finish`;

/**
 * Deedbox as the service provider of one connection: the entity id is per connection, so a
 * response made for another account's connection is addressed to another audience.
 */
export function samlSpOf(config: Config, connectionId: string): SamlSp & { metadataUrl: string } {
  const entityId = `${config.appUrl}${SAML_PATH}/${connectionId}`;
  return { entityId, acsUrl: `${entityId}/acs`, metadataUrl: `${entityId}/metadata` };
}

/**
 * The id an org's connection gets when it is made: derived from the org, so the SP values can be
 * shown (and entered at the IdP) before the connection exists. Different for every account.
 */
export function connectionIdFor(orgId: string): string {
  const hex = createHash('sha256').update(`deedbox-sso-connection:${orgId}`).digest('hex');
  const variant = ((Number.parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function samlIdpOf(row: repo.ConnectionRow): SamlIdp | null {
  if (row.protocol !== 'saml' || !row.samlEntityId || !row.samlSsoUrl || !row.samlCertificates?.length) return null;
  return { entityId: row.samlEntityId, ssoUrl: row.samlSsoUrl, certificates: row.samlCertificates };
}

/**
 * The pending sign-in of a SAML start: the cookie's hash binds it to the browser, the RelayState's
 * hash lets the ACS find it, `state` keeps the AuthnRequest's ID (what `InResponseTo` must name).
 */
export async function startSaml(
  tx: Tx,
  config: Config,
  connection: repo.ConnectionRow,
  idp: SamlIdp,
  ttlMs: number,
): Promise<{ redirectUrl: string; cookieToken: string }> {
  const cookieToken = newToken();
  const relayState = newToken();
  const { url, requestId } = await startSamlSignIn(samlSpOf(config, connection.id), idp, relayState);
  await repo.insertSignIn(tx, {
    orgId: connection.orgId,
    id: randomUUID(),
    tokenHash: hashToken(cookieToken),
    relayHash: hashToken(relayState),
    connectionId: connection.id,
    state: requestId,
    expiresAt: new Date(Date.now() + ttlMs),
  });
  return { redirectUrl: url, cookieToken };
}

/**
 * The ACS: the IdP's cross-site POST carries no cookie, so the response is only kept on the
 * pending sign-in its RelayState names (once); it is checked at the finish step, in the browser
 * that started. False when the RelayState names no pending sign-in of this connection.
 */
export async function receiveSamlResponse(
  pub: PublicCtx,
  input: { connectionId: string; relayState: string | undefined; samlResponse: string },
): Promise<boolean> {
  if (!input.relayState) {
    pub.deps.log.warn({ connectionId: input.connectionId }, 'SAML response without RelayState');
    return false;
  }
  const relayHash = hashToken(input.relayState);
  return transact(pub.deps, { tokenHash: relayHash }, async (tx) => {
    const row = await repo.storeSamlResponse(tx, relayHash, input.connectionId, input.samlResponse, new Date());
    if (!row) pub.deps.log.warn({ connectionId: input.connectionId }, 'SAML response for no pending sign-in');
    return row !== null;
  });
}

/** The browser back from the ACS with its cookie: the pending sign-in spent, its response checked. */
export async function finishSaml(pub: PublicCtx, cookieToken: string | null): Promise<CallbackOutcome> {
  if (!cookieToken) {
    pub.deps.log.warn({ why: 'no_cookie' }, 'SAML finish without a pending sign-in');
    return { ok: false, code: 'state_invalid' };
  }
  const tokenHash = hashToken(cookieToken);
  return transact(pub.deps, { tokenHash }, async (tx, afterCommit): Promise<CallbackOutcome> => {
    const pending = await repo.consumeSignIn(tx, tokenHash, new Date());
    if (!pending) return { ok: false, code: 'state_invalid' };
    const orgId = pending.orgId;
    await setClaims(tx, { orgId });
    const refuse = async (code: SsoErrorCode, extra: Record<string, unknown> = {}, email?: string | null) => {
      await recordWith(
        { tx, orgId, actor: { type: 'anonymous', ...(email ? { email } : {}) }, request: pub.request },
        {
          action: 'auth.sso_failed',
          objectType: 'sso_connection',
          objectId: pending.connectionId,
          extra: { reason: code, protocol: 'saml', ...extra },
        },
      );
      return { ok: false as const, code };
    };
    if (!pending.relayHash || !pending.samlResponse) return refuse('state_invalid');
    const connection = await repo.findConnection(tx, orgId);
    const idp = connection ? samlIdpOf(connection) : null;
    if (!connection?.enabled || connection.id !== pending.connectionId || !idp) return refuse('connection_disabled');
    let identity: SamlIdentity;
    try {
      // The request the response answers is this pending sign-in's, spent above: single use.
      identity = await finishSamlSignIn(
        samlSpOf(pub.deps.config, connection.id),
        idp,
        pending.samlResponse,
        async (id) => (id === pending.state ? pending.createdAt : null),
      );
    } catch (error) {
      if (!(error instanceof SamlRefusal)) throw error;
      pub.deps.log.warn({ orgId, reason: error.reason, err: error.detail.slice(0, 300) }, 'SAML sign-in refused');
      return refuse(`saml_${error.reason}`, { detail: error.detail.slice(0, 300) });
    }
    const email = identity.email;
    if (!email) return refuse('email_missing', { subject: identity.nameId });
    const domains = await repo.listDomains(tx, orgId);
    const domain = email.split('@')[1];
    if (!domains.some((d) => d.verifiedAt && d.domain === domain)) return refuse('domain_not_verified', {}, email);
    const name = [identity.givenName, identity.familyName].filter(Boolean).join(' ') || null;
    const person = { subject: identity.nameId, email, emailVerified: null, name };
    const member = await memberOf({ tx, orgId, request: pub.request, connection }, person);
    if (!member.ok) return refuse(member.code, {}, email);
    const session = await openSsoSession(tx, orgId, member.user, pub, {
      protocol: 'saml',
      connectionId: connection.id,
    });
    await repo.touchIdentity(tx, orgId, connection.id, identity.nameId, new Date());
    await warnOfNewDevice({ tx, deps: pub.deps, request: pub.request, afterCommit }, member.user, session);
    return { ok: true, session };
  });
}

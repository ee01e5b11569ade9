import { randomUUID } from 'node:crypto';
import { setClaims } from '../../db/tx.js';
import { type PublicCtx, transact } from '../../platform/context.js';
import { hashToken, newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { authorizationUrl, discover } from './oidc.client.js';
import { samlIdpOf, startSaml } from './saml.service.js';
import * as repo from './sso.repo.js';
import { clientSecretOf } from './sso.settings.service.js';

/** A pending sign-in at the identity provider lasts this long, and is spent by its first answer. */
export const SSO_SIGN_IN_TTL_MS = 10 * 60 * 1000;

const noSso = () =>
  AppError.invalid('email', 'no_sso', 'has no single sign-on: its domain is not verified by an account that uses it');

/**
 * Where an address signs in: the account that verified its domain, if that account has an enabled
 * connection. The answer depends on the domain alone, never on whether anyone has that address:
 * which identity provider a domain uses is public by design (docs/security.md).
 */
export async function startSignIn(
  pub: PublicCtx,
  email: string,
): Promise<{ redirectUrl: string; cookieToken: string }> {
  const domain = email.split('@')[1]!;
  return transact(pub.deps, { email }, async (tx) => {
    const claimed = await repo.findVerifiedDomain(tx, domain);
    if (!claimed) throw noSso();
    const orgId = claimed.orgId;
    await setClaims(tx, { orgId });
    const connection = await repo.findConnection(tx, orgId);
    const samlIdp = connection?.enabled ? samlIdpOf(connection) : null;
    if (connection && samlIdp) return startSaml(tx, pub.deps.config, connection, samlIdp, SSO_SIGN_IN_TTL_MS);
    if (!connection?.enabled || connection.protocol !== 'oidc' || !connection.issuer || !connection.clientId) {
      throw noSso();
    }
    const clientSecret = await clientSecretOf({ tx, deps: pub.deps, orgId }, connection);
    const settings = { issuer: connection.issuer, clientId: connection.clientId, clientSecret: clientSecret ?? '' };
    const oidc = await discover(pub.deps.config, settings).catch((err: unknown) => {
      pub.deps.log.warn({ orgId, issuer: connection.issuer, err: String(err) }, 'OIDC discovery failed');
      throw new AppError(
        'unavailable',
        'The identity provider of your organisation cannot be reached. Try again later.',
      );
    });
    const cookieToken = newToken();
    const state = newToken();
    await repo.insertSignIn(tx, {
      orgId,
      id: randomUUID(),
      tokenHash: hashToken(cookieToken),
      connectionId: connection.id,
      state,
      expiresAt: new Date(Date.now() + SSO_SIGN_IN_TTL_MS),
    });
    const redirectUrl = await authorizationUrl(pub.deps.config, oidc, { cookieToken, state, loginHint: email });
    return { redirectUrl, cookieToken };
  });
}

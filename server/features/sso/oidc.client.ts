import * as client from 'openid-client';
import type { Config } from '../../config.js';
import { hmac } from '../../platform/crypto/tokens.js';

/** Seconds any call to the identity provider may take. */
const TIMEOUT_S = 10;

export const OIDC_CALLBACK_PATH = '/api/v1/auth/sso/oidc/callback';

export const oidcRedirectUri = (config: Config) => `${config.appUrl}${OIDC_CALLBACK_PATH}`;

export interface OidcSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
}

/**
 * Plain http is accepted only outside production (a provider on loopback in tests and development):
 * in production the issuer, its keys and its token endpoint are reached over https only.
 */
function allowsHttp(config: Config, issuer: URL): boolean {
  return issuer.protocol === 'http:' && config.env !== 'production';
}

/**
 * Reads the provider's discovery document (and so checks the issuer); throws when it cannot. The
 * id_token's signature is checked against the provider's keys even though it comes straight from the
 * token endpoint (openid-client skips that by default, trusting TLS alone).
 */
export async function discover(config: Config, settings: OidcSettings): Promise<client.Configuration> {
  const issuer = new URL(settings.issuer);
  const oidc = await client.discovery(issuer, settings.clientId, settings.clientSecret, undefined, {
    timeout: TIMEOUT_S,
    ...(allowsHttp(config, issuer) ? { execute: [client.allowInsecureRequests] } : {}),
  });
  client.enableNonRepudiationChecks(oidc);
  return oidc;
}

/**
 * The PKCE verifier and the nonce of a pending sign-in, derived from its cookie's token with the
 * server's secret: nothing of them is stored, and only the browser holding the cookie can finish.
 */
export function checksOf(config: Config, cookieToken: string) {
  return {
    codeVerifier: hmac(config.secretKey, 'sso-pkce', cookieToken),
    nonce: hmac(config.secretKey, 'sso-nonce', cookieToken),
  };
}

export async function authorizationUrl(
  config: Config,
  oidc: client.Configuration,
  input: { cookieToken: string; state: string; loginHint: string },
): Promise<string> {
  const { codeVerifier, nonce } = checksOf(config, input.cookieToken);
  const url = client.buildAuthorizationUrl(oidc, {
    redirect_uri: oidcRedirectUri(config),
    scope: 'openid email profile',
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state: input.state,
    nonce,
    login_hint: input.loginHint,
  });
  return url.href;
}

/** Who the identity provider says signed in, whatever the protocol (SAML fills the same shape). */
export interface SsoPerson {
  /** OIDC `sub`; for SAML the NameID. */
  subject: string;
  email: string | null;
  /** null when the provider does not say. */
  emailVerified: boolean | null;
  name: string | null;
}

/**
 * Exchanges the code (PKCE, state, nonce, issuer, audience and the id_token's signature are checked
 * by openid-client) and reads who signed in: from the id_token, else from userinfo.
 */
export async function finish(
  config: Config,
  oidc: client.Configuration,
  callbackUrl: URL,
  input: { cookieToken: string; state: string },
): Promise<SsoPerson> {
  const { codeVerifier, nonce } = checksOf(config, input.cookieToken);
  const tokens = await client.authorizationCodeGrant(oidc, callbackUrl, {
    pkceCodeVerifier: codeVerifier,
    expectedState: input.state,
    expectedNonce: nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims()!;
  let source: Record<string, unknown> = claims;
  if (typeof claims.email !== 'string') {
    source = await client.fetchUserInfo(oidc, tokens.access_token, claims.sub);
  }
  const verified = source.email_verified;
  return {
    subject: claims.sub,
    email: typeof source.email === 'string' ? source.email.trim().toLowerCase() : null,
    emailVerified:
      typeof verified === 'boolean' ? verified : verified === 'true' ? true : verified === 'false' ? false : null,
    name: typeof source.name === 'string' ? source.name.trim().slice(0, 120) : null,
  };
}

/** Whether the failure is the provider's answer in the redirect (`error=access_denied`). */
export function isProviderRefusal(error: unknown): boolean {
  return error instanceof client.AuthorizationResponseError;
}

import { z } from 'zod';
import { email } from './auth.js';
import { isoDateTime } from './common.js';

/** SAML 2.0 joins OpenID Connect on the same connection table and sign-in flow. */
export const SSO_PROTOCOLS = ['oidc', 'saml'] as const;
export const JIT_ROLES = ['off', 'viewer', 'editor'] as const;

/**
 * Why a single sign-on came back refused: the web page `/sso-error?code=…` explains each one.
 * `state_invalid` covers a missing or foreign cookie, a wrong, used or expired `state` (a replay).
 */
export const SSO_ERROR_CODES = [
  'state_invalid',
  'idp_error',
  'token_rejected',
  'email_missing',
  'email_unverified',
  'domain_not_verified',
  'connection_disabled',
  'account_locked',
  'no_membership',
  'seat_limit_reached',
  'account_read_only',
  'identity_conflict',
  'unavailable',
  // SAML 2.0: why the identity provider's response was refused.
  'saml_malformed',
  'saml_unsolicited',
  'saml_replayed',
  'saml_invalid_signature',
  'saml_expired',
  'saml_wrong_audience',
  'saml_wrong_issuer',
  'saml_idp_status',
] as const;
export type SsoErrorCode = (typeof SSO_ERROR_CODES)[number];

export const ssoDomainName = z
  .string()
  .trim()
  .toLowerCase()
  .transform((d) => d.replace(/\.$/, ''))
  .pipe(
    z
      .string()
      .max(253)
      .regex(/^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/, {
        message: 'must be a domain name such as example.com',
      }),
  );

export const ssoDomain = z.object({
  id: z.uuid(),
  domain: z.string(),
  verified: z.boolean(),
  verifiedAt: isoDateTime.nullable(),
  /** The DNS TXT record that proves control: create `txtName` with the value `txtValue`. */
  txtName: z.string(),
  txtValue: z.string(),
  createdAt: isoDateTime,
});
export type SsoDomain = z.infer<typeof ssoDomain>;

export const ssoConnection = z.object({
  id: z.uuid(),
  protocol: z.enum(SSO_PROTOCOLS),
  enabled: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  /** The secret itself is never returned. */
  clientSecretSet: z.boolean(),
  /** SAML: the identity provider as configured (the certificates are public, base64 DER). */
  saml: z.object({ entityId: z.string(), ssoUrl: z.string(), certificates: z.array(z.string()) }).nullable(),
  jit: z.object({ role: z.enum(JIT_ROLES), businessUnitId: z.uuid().nullable() }),
  enforced: z.boolean(),
  breakGlassUserIds: z.array(z.uuid()),
  updatedAt: isoDateTime,
});
export type SsoConnection = z.infer<typeof ssoConnection>;

export const ssoSettings = z.object({
  connection: ssoConnection.nullable(),
  domains: z.array(ssoDomain),
  /** What the identity provider's administrator registers as the redirect (reply) URL. */
  redirectUri: z.string(),
  /** SAML: what the IdP's administrator enters for Deedbox (per account, known before the connection is made). */
  samlSp: z.object({ entityId: z.string(), acsUrl: z.string(), metadataUrl: z.string() }),
});
export type SsoSettings = z.infer<typeof ssoSettings>;

const issuerUrl = z
  .string()
  .trim()
  .max(500)
  .pipe(z.url({ protocol: /^https?$/, message: 'must be an https:// URL' }));

const jitInput = z
  .object({ role: z.enum(JIT_ROLES), businessUnitId: z.uuid().nullable().default(null) })
  .default({ role: 'off', businessUnitId: null });

export const oidcConnectionInput = z.object({
  protocol: z.literal('oidc'),
  enabled: z.boolean().default(true),
  issuer: issuerUrl,
  clientId: z.string().trim().min(1).max(300),
  /** Required when the connection is made; left out, the stored secret stays. */
  clientSecret: z.string().min(1).max(1000).optional(),
  jit: jitInput,
});

/** SAML: the IdP's metadata XML, or its entity id, SSO URL and signing certificate (checked by the server). */
export const samlConnectionInput = z.object({
  protocol: z.literal('saml'),
  enabled: z.boolean().default(true),
  metadataXml: z.string().max(200_000).optional(),
  entityId: z.string().max(500).optional(),
  ssoUrl: z.string().max(2000).optional(),
  certificate: z.string().max(20_000).optional(),
  jit: jitInput,
});

export const ssoConnectionInput = z.discriminatedUnion('protocol', [oidcConnectionInput, samlConnectionInput]);
export type SsoConnectionInput = z.input<typeof ssoConnectionInput>;

export const ssoEnforcementInput = z.object({
  enforced: z.boolean(),
  breakGlassUserIds: z.array(z.uuid()).max(20).default([]),
});

export const ssoDomainInput = z.object({ domain: ssoDomainName });

export const ssoStartInput = z.object({ email });
export const ssoStartOutput = z.object({ redirectUrl: z.string() });

export const ssoCallbackQuery = z.object({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(2000).optional(),
  iss: z.string().max(500).optional(),
  session_state: z.string().max(500).optional(),
});

/** What the identity provider posts to the ACS (HTTP-POST binding); 256 KB is ample for a response. */
export const SAML_RESPONSE_MAX = 256 * 1024;
export const samlAcsInput = z.object({
  SAMLResponse: z.string().min(1).max(SAML_RESPONSE_MAX),
  RelayState: z.string().max(200).optional(),
});
export const samlConnectionParams = z.object({ connectionId: z.uuid() });

import { sql } from 'drizzle-orm';
import { boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { SSO_PROTOCOLS } from '../../../common/schemas/sso.js';
import { bytea, ts } from './columns.js';
import { orgs } from './orgs.js';
import { users } from './users.js';

/**
 * An org's single sign-on connection (one per org): OpenID Connect or SAML 2.0 on the same
 * row (each its own columns). The OIDC client secret is sealed under the row's data key, itself wrapped
 * under the org key (`dataKey`, `orgKeyVersion`), like documents.
 */
export const ssoConnections = pgTable(
  'sso_connections',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    protocol: text('protocol', { enum: SSO_PROTOCOLS }).notNull(),
    enabled: boolean('enabled').notNull().default(true),
    /** OIDC: the issuer URL its discovery document is read from, the client id and the sealed secret. */
    issuer: text('issuer'),
    clientId: text('client_id'),
    clientSecret: bytea('client_secret'),
    /** SAML: the IdP's entity id, its single sign-on URL (HTTP-Redirect) and signing certificates (base64 DER). */
    samlEntityId: text('saml_entity_id'),
    samlSsoUrl: text('saml_sso_url'),
    samlCertificates: text('saml_certificates').array(),
    dataKey: bytea('data_key').notNull(),
    orgKeyVersion: integer('org_key_version').notNull(),
    /** Just-in-time membership: null off, else the role a newcomer gets in `jitBusinessUnitId`. */
    jitRole: text('jit_role', { enum: ['editor', 'viewer'] }),
    jitBusinessUnitId: uuid('jit_business_unit_id'),
    /** Password sign-in refused for the org's members, except the break-glass administrators. */
    enforced: boolean('enforced').notNull().default(false),
    breakGlassUserIds: uuid('break_glass_user_ids').array().notNull().default(sql`'{}'::uuid[]`),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('sso_connections_org_key').on(t.orgId),
    index('sso_connections_org_key_idx').on(t.orgId, t.orgKeyVersion),
  ],
);

/** A mail domain an org claims; verified (DNS TXT, or the operator) by at most one org. */
export const ssoDomains = pgTable(
  'sso_domains',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    /** Lower-case, without a trailing dot. */
    domain: text('domain').notNull(),
    /** The value of the TXT record that proves control of the domain. */
    token: text('token').notNull(),
    verifiedAt: ts('verified_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('sso_domains_org_domain_key').on(t.orgId, t.domain),
    uniqueIndex('sso_domains_verified_key').on(t.domain).where(sql`${t.verifiedAt} is not null`),
  ],
);

/** A person as the identity provider names them (`subject`: OIDC `sub`, SAML NameID), linked once. */
export const ssoIdentities = pgTable(
  'sso_identities',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    connectionId: uuid('connection_id').notNull(),
    subject: text('subject').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastSignInAt: ts('last_sign_in_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.connectionId, t.subject] }),
    uniqueIndex('sso_identities_user_key').on(t.orgId, t.connectionId, t.userId),
  ],
);

/**
 * A sign-in sent to the identity provider and not yet back: found by the hash of the browser's
 * cookie (`tokenHash`), single use, 10 minutes. The PKCE verifier and nonce are not stored: they
 * are derived from the cookie's token with the server's secret.
 */
export const ssoSignIns = pgTable(
  'sso_sign_ins',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    tokenHash: text('token_hash').notNull(),
    connectionId: uuid('connection_id').notNull(),
    /** OIDC `state`; SAML: the AuthnRequest's ID, which the response's `InResponseTo` must name. */
    state: text('state').notNull(),
    /**
     * SAML: sha256 of the RelayState sent to the IdP, which finds this row when the IdP posts its
     * response to the ACS (a cross-site POST: the cookie does not come with it), and the response
     * posted, kept until the browser comes back with its cookie to the finish step.
     */
    relayHash: text('relay_hash'),
    samlResponse: text('saml_response'),
    expiresAt: ts('expires_at').notNull(),
    usedAt: ts('used_at'),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('sso_sign_ins_token_key').on(t.tokenHash),
    uniqueIndex('sso_sign_ins_relay_key').on(t.relayHash),
  ],
);

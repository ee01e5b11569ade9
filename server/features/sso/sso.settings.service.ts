import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type {
  SsoConnection,
  SsoDomain,
  SsoSettings,
  ssoConnectionInput,
  ssoEnforcementInput,
} from '../../../common/schemas/sso.js';
import type { Ctx } from '../../platform/context.js';
import { newToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { checkIdp, parseIdpMetadata, type SamlIdp, SamlSetupError } from '../../platform/saml/saml-sp.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { newRowKeys, openField, rowKey, sealField } from '../documents/documents.keys.js';
import * as factors from '../factors/factors.repo.js';
import * as users from '../users/users.repo.js';
import { discover, oidcRedirectUri } from './oidc.client.js';
import { connectionIdFor, samlSpOf } from './saml.service.js';
import { connectionContext } from './sso.keys.js';
import * as repo from './sso.repo.js';

type ConnectionInput = z.output<typeof ssoConnectionInput>;
type OidcInput = Extract<ConnectionInput, { protocol: 'oidc' }>;
type SamlInput = Extract<ConnectionInput, { protocol: 'saml' }>;
type EnforcementInput = z.output<typeof ssoEnforcementInput>;

/** The DNS name holding the proof; the record's value is `deedbox-verification=<token>`. */
export const txtNameOf = (domain: string) => `_deedbox.${domain}`;
export const txtValueOf = (token: string) => `deedbox-verification=${token}`;

export function presentDomain(row: repo.DomainRow): SsoDomain {
  return {
    id: row.id,
    domain: row.domain,
    verified: row.verifiedAt !== null,
    verifiedAt: row.verifiedAt?.toISOString() ?? null,
    txtName: txtNameOf(row.domain),
    txtValue: txtValueOf(row.token),
    createdAt: row.createdAt.toISOString(),
  };
}

function presentConnection(row: repo.ConnectionRow): SsoConnection {
  return {
    id: row.id,
    protocol: row.protocol,
    enabled: row.enabled,
    issuer: row.issuer,
    clientId: row.clientId,
    clientSecretSet: row.clientSecret !== null,
    saml:
      row.protocol === 'saml' && row.samlEntityId && row.samlSsoUrl
        ? { entityId: row.samlEntityId, ssoUrl: row.samlSsoUrl, certificates: row.samlCertificates ?? [] }
        : null,
    jit: { role: row.jitRole ?? 'off', businessUnitId: row.jitBusinessUnitId },
    enforced: row.enforced,
    breakGlassUserIds: row.breakGlassUserIds,
    updatedAt: row.updatedAt.toISOString(),
  };
}

export async function getSettings(ctx: Ctx): Promise<SsoSettings> {
  requireAdmin(ctx);
  const connection = await repo.findConnection(ctx.tx, ctx.orgId);
  const domains = await repo.listDomains(ctx.tx, ctx.orgId);
  return {
    connection: connection ? presentConnection(connection) : null,
    domains: domains.map(presentDomain),
    redirectUri: oidcRedirectUri(ctx.deps.config),
    samlSp: samlSpOf(ctx.deps.config, connection?.id ?? connectionIdFor(ctx.orgId)),
  };
}

/** The stored client secret, opened with the org's key (for the sign-in and for re-checking discovery). */
export async function clientSecretOf(ctx: Pick<Ctx, 'tx' | 'deps' | 'orgId'>, row: repo.ConnectionRow) {
  if (!row.clientSecret) return null;
  const context = connectionContext(row.orgId, row.id);
  return openField(await rowKey(ctx, row, context), context, 'client_secret', row.clientSecret);
}

async function checkJit(ctx: Ctx, jit: ConnectionInput['jit']) {
  if (jit.role === 'off') return { jitRole: null, jitBusinessUnitId: null };
  const units = await users.businessUnitIds(ctx.tx, ctx.orgId);
  if (!jit.businessUnitId || !units.includes(jit.businessUnitId)) {
    throw AppError.invalid('jit.businessUnitId', 'unknown', 'must be a business unit of this account');
  }
  return { jitRole: jit.role, jitBusinessUnitId: jit.businessUnitId };
}

/**
 * Creates or replaces the connection. The provider's discovery document is read with the settings
 * given before anything is stored: an issuer that does not answer as one is refused, naming `issuer`.
 */
export async function saveConnection(ctx: Ctx, input: ConnectionInput): Promise<SsoSettings> {
  requireAdmin(ctx);
  return input.protocol === 'saml' ? saveSaml(ctx, input) : saveOidc(ctx, input);
}

const NO_SAML = { samlEntityId: null, samlSsoUrl: null, samlCertificates: null };

async function saveOidc(ctx: Ctx, input: OidcInput): Promise<SsoSettings> {
  const existing = await repo.findConnection(ctx.tx, ctx.orgId);
  const issuer = new URL(input.issuer);
  if (issuer.protocol !== 'https:' && ctx.deps.config.env === 'production') {
    throw AppError.invalid('issuer', 'https', 'must be an https:// URL');
  }
  const jit = await checkJit(ctx, input.jit);
  const secret = input.clientSecret ?? (existing ? await clientSecretOf(ctx, existing) : null);
  if (!secret) throw AppError.invalid('clientSecret', 'required', 'is required for a new connection');
  try {
    await discover(ctx.deps.config, { issuer: input.issuer, clientId: input.clientId, clientSecret: secret });
  } catch (error) {
    ctx.deps.log.warn({ issuer: input.issuer, err: String(error) }, 'OIDC discovery failed');
    throw AppError.invalid(
      'issuer',
      'discovery_failed',
      'did not answer as an OpenID provider (its /.well-known/openid-configuration could not be read or names another issuer)',
    );
  }
  const id = existing?.id ?? connectionIdFor(ctx.orgId);
  const context = connectionContext(ctx.orgId, id);
  const fields = {
    protocol: 'oidc' as const,
    enabled: input.enabled,
    issuer: input.issuer,
    clientId: input.clientId,
    ...NO_SAML,
    ...jit,
  };
  if (existing) {
    const sealed = input.clientSecret
      ? { clientSecret: sealField(await rowKey(ctx, existing, context), context, 'client_secret', input.clientSecret) }
      : {};
    if (existing.protocol !== 'oidc') await repo.deleteIdentities(ctx.tx, ctx.orgId);
    // Switching off the connection also switches off enforcement: nobody could sign in otherwise.
    await repo.updateConnection(ctx.tx, ctx.orgId, {
      ...fields,
      ...sealed,
      ...(input.enabled ? {} : { enforced: false }),
    });
  } else {
    const keys = await newRowKeys(ctx, context);
    await repo.insertConnection(ctx.tx, {
      orgId: ctx.orgId,
      id,
      ...fields,
      clientSecret: sealField(keys.key, context, 'client_secret', secret),
      dataKey: keys.wrapped,
      orgKeyVersion: keys.orgKeyVersion,
    });
  }
  const before = existing ? presentConnection(existing) : null;
  await record(ctx, {
    action: 'sso.connection_saved',
    objectType: 'sso_connection',
    objectId: id,
    changes: {
      issuer: { before: before?.issuer ?? null, after: input.issuer },
      clientId: { before: before?.clientId ?? null, after: input.clientId },
      enabled: { before: before?.enabled ?? null, after: input.enabled },
      jit: { before: before?.jit ?? null, after: { role: input.jit.role, businessUnitId: jit.jitBusinessUnitId } },
    },
    extra: { protocol: 'oidc', clientSecretChanged: input.clientSecret !== undefined },
  });
  return getSettings(ctx);
}

/** Several PEM blocks (an IdP rolling its key lists two) or one certificate. */
function certificatesOf(text: string): string[] {
  if (!text.trim()) return [];
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [text];
}

/** The IdP from its metadata, or from the three values; a setting that cannot work names its field. */
function samlIdpOf(input: SamlInput): SamlIdp {
  try {
    if (input.metadataXml?.trim()) return parseIdpMetadata(input.metadataXml);
    return checkIdp({
      entityId: input.entityId ?? '',
      ssoUrl: input.ssoUrl ?? '',
      certificates: certificatesOf(input.certificate ?? ''),
    });
  } catch (error) {
    if (error instanceof SamlSetupError) throw AppError.invalid(error.field, error.rule, error.message);
    throw error;
  }
}

/**
 * A SAML connection: nothing is fetched (the administrator pastes the IdP's metadata or values).
 * Another IdP (or a switch from OpenID Connect) unlinks the people linked so far: NameIDs are the IdP's own.
 */
async function saveSaml(ctx: Ctx, input: SamlInput): Promise<SsoSettings> {
  const existing = await repo.findConnection(ctx.tx, ctx.orgId);
  const idp = samlIdpOf(input);
  const jit = await checkJit(ctx, input.jit);
  const id = existing?.id ?? connectionIdFor(ctx.orgId);
  const fields = {
    protocol: 'saml' as const,
    enabled: input.enabled,
    issuer: null,
    clientId: null,
    clientSecret: null,
    samlEntityId: idp.entityId,
    samlSsoUrl: idp.ssoUrl,
    samlCertificates: idp.certificates,
    ...jit,
  };
  if (existing) {
    if (existing.protocol !== 'saml' || existing.samlEntityId !== idp.entityId) {
      await repo.deleteIdentities(ctx.tx, ctx.orgId);
    }
    await repo.updateConnection(ctx.tx, ctx.orgId, { ...fields, ...(input.enabled ? {} : { enforced: false }) });
  } else {
    const keys = await newRowKeys(ctx, connectionContext(ctx.orgId, id));
    await repo.insertConnection(ctx.tx, {
      orgId: ctx.orgId,
      id,
      ...fields,
      dataKey: keys.wrapped,
      orgKeyVersion: keys.orgKeyVersion,
    });
  }
  const before = existing ? presentConnection(existing) : null;
  await record(ctx, {
    action: 'sso.connection_saved',
    objectType: 'sso_connection',
    objectId: id,
    changes: {
      samlEntityId: { before: before?.saml?.entityId ?? null, after: idp.entityId },
      samlSsoUrl: { before: before?.saml?.ssoUrl ?? null, after: idp.ssoUrl },
      enabled: { before: before?.enabled ?? null, after: input.enabled },
      jit: { before: before?.jit ?? null, after: { role: input.jit.role, businessUnitId: jit.jitBusinessUnitId } },
    },
    extra: {
      protocol: 'saml',
      certificates: idp.certificates.length,
      fromMetadata: Boolean(input.metadataXml?.trim()),
    },
  });
  return getSettings(ctx);
}

export async function removeConnection(ctx: Ctx): Promise<void> {
  requireAdmin(ctx);
  const removed = await repo.deleteConnection(ctx.tx, ctx.orgId);
  if (!removed) throw AppError.notFound('Single sign-on connection');
  await record(ctx, {
    action: 'sso.connection_removed',
    objectType: 'sso_connection',
    objectId: removed.id,
    extra: { protocol: removed.protocol, issuer: removed.issuer },
  });
}

/**
 * Enforcing single sign-on needs an enabled connection; each break-glass person must be an active
 * administrator holding a confirmed second factor (their password alone must not be the way in).
 */
export async function setEnforcement(ctx: Ctx, input: EnforcementInput): Promise<SsoSettings> {
  requireAdmin(ctx);
  const connection = await repo.findConnection(ctx.tx, ctx.orgId);
  if (!connection) throw AppError.notFound('Single sign-on connection');
  if (input.enforced && !connection.enabled) {
    throw AppError.invalid('enforced', 'connection_disabled', 'needs an enabled single sign-on connection');
  }
  const breakGlass = [...new Set(input.breakGlassUserIds)];
  for (const [i, userId] of breakGlass.entries()) {
    const member = await users.findMembership(ctx.tx, ctx.orgId, userId);
    if (!member?.isAdmin || member.status !== 'active' || member.lockedAt) {
      throw AppError.invalid(`breakGlassUserIds.${i}`, 'not_admin', 'must be an active administrator of this account');
    }
    if ((await factors.confirmedFactors(ctx.tx, userId)).length === 0) {
      throw AppError.invalid(`breakGlassUserIds.${i}`, 'no_second_factor', 'must have a second factor set up');
    }
  }
  await repo.updateConnection(ctx.tx, ctx.orgId, { enforced: input.enforced, breakGlassUserIds: breakGlass });
  await record(ctx, {
    action: 'sso.enforcement_updated',
    objectType: 'sso_connection',
    objectId: connection.id,
    changes: {
      enforced: { before: connection.enforced, after: input.enforced },
      breakGlassUserIds: { before: connection.breakGlassUserIds, after: breakGlass },
    },
  });
  return getSettings(ctx);
}

export async function addDomain(ctx: Ctx, domain: string): Promise<SsoDomain> {
  requireAdmin(ctx);
  const row = await repo.insertDomain(ctx.tx, { orgId: ctx.orgId, id: randomUUID(), domain, token: newToken(24) });
  await record(ctx, { action: 'sso.domain_added', objectType: 'sso_domain', objectId: row.id, extra: { domain } });
  return presentDomain(row);
}

export async function removeDomain(ctx: Ctx, id: string): Promise<void> {
  requireAdmin(ctx);
  const row = await repo.findDomain(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Domain');
  await repo.deleteDomain(ctx.tx, ctx.orgId, id);
  await record(ctx, {
    action: 'sso.domain_removed',
    objectType: 'sso_domain',
    objectId: id,
    extra: { domain: row.domain, wasVerified: row.verifiedAt !== null },
  });
}

/**
 * Marks a domain verified, as a DNS check of its TXT record would (the operator's CLI: no DNS is
 * reached from here). A domain verified by another account is refused by a unique index.
 */
export async function verifyDomain(ctx: Ctx, domain: string): Promise<SsoDomain> {
  const row = await repo.findDomainByName(ctx.tx, ctx.orgId, domain);
  if (!row) throw AppError.notFound('Domain');
  if (row.verifiedAt) return presentDomain(row);
  const at = new Date();
  await repo.markDomainVerified(ctx.tx, ctx.orgId, row.id, at);
  await record(ctx, {
    action: 'sso.domain_verified',
    objectType: 'sso_domain',
    objectId: row.id,
    extra: { domain, by: 'operator' },
  });
  return presentDomain({ ...row, verifiedAt: at });
}

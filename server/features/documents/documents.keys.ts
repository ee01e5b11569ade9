import { documents, documentVersions } from '../../db/schema/index.js';
import type { Ctx } from '../../platform/context.js';
import { openText, sealText } from '../../platform/crypto/fields.js';
import type { VersionedKey } from '../../platform/crypto/keyring.js';
import { AppError } from '../../platform/errors.js';
import { keyedTable } from '../../platform/keys/keyed-tables.js';
import {
  activeOrgKey,
  newDataKey,
  OrgKeyUnavailableError,
  openDataKey,
  orgKey,
  wrapDataKey,
} from '../../platform/keys/org-keys.js';

/**
 * The keys of documents (docs/security.md, "Key hierarchy"): each document row has a data key for its
 * name and URL, each version one for its bytes and extracted text; both wrapped under the org key.
 * The contexts bind every sealed value to its org, row and purpose.
 */
export const documentContext = (orgId: string, documentId: string) => `document/${orgId}/${documentId}`;
export const versionContext = (orgId: string, versionId: string) => `document-version/${orgId}/${versionId}`;

/** The rows holding data keys wrapped under the org key, which an org key rotation rewraps (features/keys). */
export const documentKeyedTables = [
  keyedTable('documents', documents, documentContext),
  keyedTable('document_versions', documentVersions, versionContext),
];

export interface RowKeys {
  key: Buffer;
  wrapped: Buffer;
  orgKeyVersion: number;
}

type KeyCtx = Pick<Ctx, 'tx' | 'deps' | 'orgId'>;

/** Key work; an org key that cannot be used becomes a clear answer, and the log says which key and why. */
async function usingOrgKey<T>(ctx: KeyCtx, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof OrgKeyUnavailableError)) throw error;
    const { orgId, version, problem, masterVersion } = error;
    ctx.deps.log.error({ orgId, orgKeyVersion: version, masterVersion, problem }, error.message);
    throw new AppError(
      'key_unavailable',
      'The key that protects this data is not available on the server, so it cannot be opened. The server log names the key.',
    );
  }
}

export function newRowKeys(ctx: KeyCtx, context: string): Promise<RowKeys> {
  return usingOrgKey(ctx, async () => {
    const org = await activeOrgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId);
    const { key, wrapped } = newDataKey(org, context);
    return { key, wrapped, orgKeyVersion: org.version };
  });
}

/** Wraps a data key made earlier (an upload's, made before its bytes arrived) under the org key active now. */
export function wrapRowKey(ctx: KeyCtx, key: Buffer, context: string): Promise<Omit<RowKeys, 'key'>> {
  return usingOrgKey(ctx, async () => {
    const org = await activeOrgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId);
    return { wrapped: wrapDataKey(org, key, context), orgKeyVersion: org.version };
  });
}

export function rowKey(ctx: KeyCtx, row: { dataKey: Buffer; orgKeyVersion: number }, context: string) {
  return usingOrgKey(ctx, async () => {
    const org = await orgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId, row.orgKeyVersion);
    return openDataKey(org, row.dataKey, context);
  });
}

/**
 * rowKey for many rows in one transaction: each org key version is read and unwrapped once
 * (a search opens the names and pages of twenty documents).
 */
export function rowKeyOpener(ctx: KeyCtx) {
  const orgKeys = new Map<number, Promise<VersionedKey>>();
  return (row: { dataKey: Buffer; orgKeyVersion: number }, context: string): Promise<Buffer> =>
    usingOrgKey(ctx, async () => {
      let org = orgKeys.get(row.orgKeyVersion);
      if (!org) {
        org = orgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId, row.orgKeyVersion);
        orgKeys.set(row.orgKeyVersion, org);
      }
      return openDataKey(await org, row.dataKey, context);
    });
}

export const sealField = (key: Buffer, context: string, field: string, value: string) =>
  sealText(key, `${context}/${field}`, value);
export const openField = (key: Buffer, context: string, field: string, sealed: Buffer) =>
  openText(key, `${context}/${field}`, sealed);

/** The sealing context of a version's blob: a blob moved to another version or org does not open. */
export const blobContext = (orgId: string, versionId: string) => `deedbox/blob/${versionContext(orgId, versionId)}`;
export const blobName = (orgId: string, versionId: string) => `orgs/${orgId}/${versionId}`;

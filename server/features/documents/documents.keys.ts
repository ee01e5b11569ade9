import type { Ctx } from '../../platform/context.js';
import { openText, sealText } from '../../platform/crypto/fields.js';
import { activeOrgKey, newDataKey, openDataKey, orgKey } from '../../platform/keys/org-keys.js';

/**
 * The keys of documents (docs/security.md, "Key hierarchy"): each document row has a data key for its
 * name and URL, each version one for its bytes and extracted text; both wrapped under the org key.
 * The contexts bind every sealed value to its org, row and purpose.
 */
export const documentContext = (orgId: string, documentId: string) => `document/${orgId}/${documentId}`;
export const versionContext = (orgId: string, versionId: string) => `document-version/${orgId}/${versionId}`;

export interface RowKeys {
  key: Buffer;
  wrapped: Buffer;
  orgKeyVersion: number;
}

export async function newRowKeys(ctx: Ctx, context: string): Promise<RowKeys> {
  const org = await activeOrgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId);
  const { key, wrapped } = newDataKey(org, context);
  return { key, wrapped, orgKeyVersion: org.version };
}

export async function rowKey(
  ctx: Pick<Ctx, 'tx' | 'deps' | 'orgId'>,
  row: { dataKey: Buffer; orgKeyVersion: number },
  context: string,
) {
  const org = await orgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId, row.orgKeyVersion);
  return openDataKey(org, row.dataKey, context);
}

export const sealField = (key: Buffer, context: string, field: string, value: string) =>
  sealText(key, `${context}/${field}`, value);
export const openField = (key: Buffer, context: string, field: string, sealed: Buffer) =>
  openText(key, `${context}/${field}`, sealed);

/** The sealing context of a version's blob: a blob moved to another version or org does not open. */
export const blobContext = (orgId: string, versionId: string) => `deedbox/blob/${versionContext(orgId, versionId)}`;
export const blobName = (orgId: string, versionId: string) => `orgs/${orgId}/${versionId}`;

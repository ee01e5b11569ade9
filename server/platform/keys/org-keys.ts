import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { orgKeys } from '../../db/schema/index.js';
import { type Keyring, newKey, unwrapKey, type VersionedKey, wrapKey, wrappedKeyVersion } from '../crypto/keyring.js';

/**
 * The middle of the key hierarchy (docs/security.md): each org has random keys, stored in the key
 * store wrapped under a master key version; they in turn wrap the data key of every sealed row.
 */
const orgKeyContext = (orgId: string, version: number) => `deedbox/org-key/${orgId}/${version}`;

export class OrgKeyMissingError extends Error {
  override readonly name = 'OrgKeyMissingError';
  constructor(
    readonly orgId: string,
    readonly version: number,
  ) {
    super(`org key version ${version} of org ${orgId} is not in the key store (destroyed or never made)`);
  }
}

/** The org's active key, made (version 1) on first use; two callers at once agree on one key. */
export async function activeOrgKey(tx: Tx, keyring: Keyring, orgId: string): Promise<VersionedKey> {
  const [row] = await tx
    .select()
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.state, 'active')))
    .orderBy(desc(orgKeys.version))
    .limit(1);
  if (row) return { version: row.version, key: keyring.unwrapOrgKey(row.wrapped, orgKeyContext(orgId, row.version)) };
  await addOrgKey(tx, keyring, orgId, 1, true);
  return activeOrgKey(tx, keyring, orgId);
}

/** A given version of the org's key, active or retired, to open what it wrapped. */
export async function orgKey(tx: Tx, keyring: Keyring, orgId: string, version: number): Promise<VersionedKey> {
  const [row] = await tx
    .select({ wrapped: orgKeys.wrapped })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  if (!row) throw new OrgKeyMissingError(orgId, version);
  return { version, key: keyring.unwrapOrgKey(row.wrapped, orgKeyContext(orgId, version)) };
}

/** Stores a fresh org key as `version`; with ifAbsent a concurrent maker's key wins quietly. */
export async function addOrgKey(tx: Tx, keyring: Keyring, orgId: string, version: number, ifAbsent = false) {
  const wrapped = keyring.wrapOrgKey(newKey(), orgKeyContext(orgId, version));
  const insert = tx
    .insert(orgKeys)
    .values({ orgId, version, wrapped, masterVersion: wrappedKeyVersion(wrapped), state: 'active' });
  await (ifAbsent ? insert.onConflictDoNothing() : insert);
}

/** Rewraps one org key under the active master key version (master rotation); false when it already was. */
export async function rewrapOrgKey(tx: Tx, keyring: Keyring, orgId: string, version: number): Promise<boolean> {
  const [row] = await tx
    .select({ wrapped: orgKeys.wrapped })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)))
    .for('update');
  if (!row || !keyring.needsRewrap(row.wrapped)) return false;
  const context = orgKeyContext(orgId, version);
  const wrapped = keyring.wrapOrgKey(keyring.unwrapOrgKey(row.wrapped, context), context);
  await tx
    .update(orgKeys)
    .set({ wrapped, masterVersion: wrappedKeyVersion(wrapped) })
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  return true;
}

/** A new random data key for one row, and its wrap under the org key (context names the row). */
export function newDataKey(org: VersionedKey, context: string): { key: Buffer; wrapped: Buffer } {
  const key = newKey();
  return { key, wrapped: wrapKey(org, key, `deedbox/data-key/${context}`) };
}

export function openDataKey(org: VersionedKey, wrapped: Buffer, context: string): Buffer {
  return unwrapKey(org, wrapped, `deedbox/data-key/${context}`);
}

/** Rewraps a data key from one org key version to another (org key rotation). */
export function rewrapDataKey(from: VersionedKey, to: VersionedKey, wrapped: Buffer, context: string): Buffer {
  return wrapKey(to, openDataKey(from, wrapped, context), `deedbox/data-key/${context}`);
}

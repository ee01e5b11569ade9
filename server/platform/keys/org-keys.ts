import { and, count, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { orgKeys } from '../../db/schema/index.js';
import {
  type Keyring,
  MasterKeyMissingError,
  newKey,
  unwrapKey,
  type VersionedKey,
  wrapKey,
  wrappedKeyVersion,
} from '../crypto/keyring.js';
import { IntegrityError } from '../crypto/seal.js';

/**
 * The middle of the key hierarchy (docs/security.md): each org has random keys, stored in the key
 * store wrapped under a master key version; they in turn wrap the data key of every sealed row.
 * States: `active` (the newest; seals new data), `retiring` (a rotation is moving its rows to the
 * active key), `retired` (no row uses it; kept for older data backups until destroyed).
 */
const orgKeyContext = (orgId: string, version: number) => `deedbox/org-key/${orgId}/${version}`;

export type OrgKeyFault = 'not_in_key_store' | 'master_key_missing' | 'master_key_wrong';

/** An org key that cannot be used: destroyed, or wrapped under a master key version missing or wrong in MASTER_KEYS. */
export class OrgKeyUnavailableError extends Error {
  override readonly name = 'OrgKeyUnavailableError';
  constructor(
    readonly orgId: string,
    readonly version: number,
    readonly problem: OrgKeyFault,
    readonly masterVersion: number | null = null,
  ) {
    super(
      problem === 'not_in_key_store'
        ? `org key version ${version} of org ${orgId} is not in the key store (destroyed or never made)`
        : `org key version ${version} of org ${orgId} is wrapped under master key version ${masterVersion}, which ${
            problem === 'master_key_missing'
              ? 'MASTER_KEYS does not have'
              : 'does not open it (a wrong key for that version)'
          }`,
    );
  }
}

function unwrapOrgKey(keyring: Keyring, orgId: string, version: number, wrapped: Buffer): Buffer {
  try {
    return keyring.unwrapOrgKey(wrapped, orgKeyContext(orgId, version));
  } catch (error) {
    if (error instanceof MasterKeyMissingError) {
      throw new OrgKeyUnavailableError(orgId, version, 'master_key_missing', error.version);
    }
    if (error instanceof IntegrityError) {
      throw new OrgKeyUnavailableError(orgId, version, 'master_key_wrong', wrappedKeyVersion(wrapped));
    }
    throw error;
  }
}

/** The active row, locked against a rotation retiring it until the caller's transaction ends (rows it seals use it). */
async function lockedActive(tx: Tx, orgId: string) {
  const [row] = await tx
    .select({ version: orgKeys.version, wrapped: orgKeys.wrapped })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.state, 'active')))
    .orderBy(desc(orgKeys.version))
    .limit(1)
    .for('key share');
  return row;
}

/**
 * The org's active key, made (version 1) on first use; two callers at once agree on one key. The row stays
 * locked (KEY SHARE) until the transaction ends, so a rotation cannot retire it while data is sealed under it.
 */
export async function activeOrgKey(tx: Tx, keyring: Keyring, orgId: string): Promise<VersionedKey> {
  let row = await lockedActive(tx, orgId);
  if (!row) {
    // None active: the org's first key, or a rotation retired the one this waited for (its successor is visible now).
    const [existing] = await tx.select({ n: count() }).from(orgKeys).where(eq(orgKeys.orgId, orgId));
    if (!existing?.n) await addOrgKey(tx, keyring, orgId, 1, true);
    row = await lockedActive(tx, orgId);
    if (!row) throw new Error(`org ${orgId} has keys in the key store but none is active`);
  }
  return { version: row.version, key: unwrapOrgKey(keyring, orgId, row.version, row.wrapped) };
}

/** A given version of the org's key, in any state, to open what it wrapped. */
export async function orgKey(tx: Tx, keyring: Keyring, orgId: string, version: number): Promise<VersionedKey> {
  const [row] = await tx
    .select({ wrapped: orgKeys.wrapped })
    .from(orgKeys)
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  if (!row) throw new OrgKeyUnavailableError(orgId, version, 'not_in_key_store');
  return { version, key: unwrapOrgKey(keyring, orgId, version, row.wrapped) };
}

/** Stores a fresh org key as `version`, active; with ifAbsent a concurrent maker's key wins quietly. */
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
  const wrapped = keyring.wrapOrgKey(unwrapOrgKey(keyring, orgId, version, row.wrapped), context);
  await tx
    .update(orgKeys)
    .set({ wrapped, masterVersion: wrappedKeyVersion(wrapped) })
    .where(and(eq(orgKeys.orgId, orgId), eq(orgKeys.version, version)));
  return true;
}

/** Whether a stored org key opens with the configured master keys (the startup check tries one per master version). */
export function checkOrgKey(keyring: Keyring, orgId: string, version: number, wrapped: Buffer): void {
  unwrapOrgKey(keyring, orgId, version, wrapped);
}

/** A data key wrapped under the org key; the context names the row. */
export function wrapDataKey(org: VersionedKey, key: Buffer, context: string): Buffer {
  return wrapKey(org, key, `deedbox/data-key/${context}`);
}

/** A new random data key for one row, and its wrap under the org key (context names the row). */
export function newDataKey(org: VersionedKey, context: string): { key: Buffer; wrapped: Buffer } {
  const key = newKey();
  return { key, wrapped: wrapDataKey(org, key, context) };
}

export function openDataKey(org: VersionedKey, wrapped: Buffer, context: string): Buffer {
  return unwrapKey(org, wrapped, `deedbox/data-key/${context}`);
}

/** Rewraps a data key from one org key version to another (org key rotation). */
export function rewrapDataKey(from: VersionedKey, to: VersionedKey, wrapped: Buffer, context: string): Buffer {
  return wrapDataKey(to, openDataKey(from, wrapped, context), context);
}

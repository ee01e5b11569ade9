import type { Database } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import type { Deps } from '../../platform/context.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { checkOrgKey, OrgKeyUnavailableError } from '../../platform/keys/org-keys.js';
import { userSecretsPerMasterVersion } from '../factors/user-secrets.rotation.js';
import * as repo from './keys.repo.js';
import { KEYED_TABLES } from './keys.tables.js';

/**
 * What is wrong with MASTER_KEYS for the key store as it is: a master key version that org keys are
 * wrapped under but that is not configured, or whose configured key does not open them. Cheap enough
 * for every start: one count per master version, and one sample org key unwrapped per version.
 */
export async function masterKeyProblems(database: Database, keyring: Keyring): Promise<string[]> {
  return withClaims(database.db, { sweep: 'keys' }, async (tx) => {
    const problems: string[] = [];
    for (const [version, n] of await userSecretsPerMasterVersion(tx)) {
      if (keyring.versions.includes(version)) continue;
      problems.push(
        `MASTER_KEYS: version ${version} is missing, but ${n} second-factor secret(s) are sealed under it; add it ` +
          'back, run `deedbox keys rotate-master`, and remove it only once `deedbox keys status` shows it unused',
      );
    }
    for (const used of await repo.masterVersionsInUse(tx)) {
      const where = `${used.orgKeys} org key(s) of ${used.orgs} organization(s) are wrapped under it`;
      if (!keyring.versions.includes(used.version)) {
        problems.push(
          `MASTER_KEYS: version ${used.version} is missing, but ${where}; add it back ` +
            `(configured: ${keyring.versions.join(', ')}), and remove it only once \`deedbox keys status\` shows it unused`,
        );
        continue;
      }
      const sample = await repo.sampleKey(tx, used.version);
      try {
        if (sample) checkOrgKey(keyring, sample.orgId, sample.version, sample.wrapped);
      } catch (error) {
        if (!(error instanceof OrgKeyUnavailableError)) throw error;
        problems.push(
          `MASTER_KEYS: version ${used.version} does not open the org keys wrapped under it (${where}): ` +
            `the key given for version ${used.version} is not the one they were wrapped with`,
        );
      }
    }
    return problems;
  });
}

export interface KeyStatus {
  masterKeys: { active: number; configured: number[] };
  /** Org keys per master key version, across all organizations. */
  masterVersionsInUse: { version: number; orgKeys: number; orgs: number; configured: boolean }[];
  /** People's second-factor secrets per master key version they are sealed under. */
  userSecretsPerMasterVersion: { version: number; secrets: number }[];
  /** Configured master versions no org key or user secret uses: they may be removed from MASTER_KEYS. */
  unusedMasterVersions: number[];
  orgs: {
    orgId: string;
    /** Each org key version, with the rows whose data key it wraps; a retired one with no rows may be destroyed. */
    orgKeys: { version: number; state: repo.OrgKeyState; masterVersion: number; rows: number }[];
  }[];
}

/** The key store at a glance: which master and org key versions are still in use, and by how much. */
export async function keyStatus(deps: Deps, only?: string): Promise<KeyStatus> {
  const keyring = deps.config.masterKeys;
  const { inUse, keys, userSecrets } = await withClaims(deps.database.db, { sweep: 'keys' }, async (tx) => ({
    inUse: await repo.masterVersionsInUse(tx),
    keys: await repo.allOrgKeys(tx, only),
    userSecrets: await userSecretsPerMasterVersion(tx),
  }));
  const byOrg = new Map<string, repo.OrgKeyRow[]>();
  for (const key of keys) byOrg.set(key.orgId, [...(byOrg.get(key.orgId) ?? []), key]);
  const orgs: KeyStatus['orgs'] = [];
  for (const [orgId, orgKeys] of byOrg) {
    const rows = await withClaims(deps.database.db, { orgId }, async (tx) => {
      const total = new Map<number, number>();
      for (const table of KEYED_TABLES) {
        for (const [version, n] of await repo.rowsPerVersion(tx, table, orgId)) {
          total.set(version, (total.get(version) ?? 0) + n);
        }
      }
      return total;
    });
    orgs.push({
      orgId,
      orgKeys: orgKeys.map(({ version, state, masterVersion }) => ({
        version,
        state,
        masterVersion,
        rows: rows.get(version) ?? 0,
      })),
    });
  }
  return {
    masterKeys: { active: keyring.activeVersion, configured: keyring.versions },
    masterVersionsInUse: inUse.map((u) => ({ ...u, configured: keyring.versions.includes(u.version) })),
    userSecretsPerMasterVersion: [...userSecrets].map(([version, secrets]) => ({ version, secrets })),
    unusedMasterVersions: keyring.versions.filter(
      (v) => v !== keyring.activeVersion && !inUse.some((u) => u.version === v) && !userSecrets.has(v),
    ),
    orgs,
  };
}

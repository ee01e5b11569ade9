import { count } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { userFactors } from '../../db/schema/index.js';
import { type Deps, transact } from '../../platform/context.js';
import { openUserSecret, sealUserSecret } from '../../platform/crypto/user-secrets.js';
import * as repo from './factors.repo.js';

const BATCH = 500;

/**
 * Master key rotation for people's secrets (TOTP seeds): each one sealed under a key derived from an
 * older master key version is opened and sealed again under the active one, a batch per transaction,
 * so a run stopped anywhere is finished by running it again. Needs the `sweep: 'keys'` claim (migration).
 */
export async function resealUserSecrets(deps: Deps, batch = BATCH): Promise<number> {
  const keyring = deps.config.masterKeys;
  let total = 0;
  for (;;) {
    const done = await transact(deps, { sweep: 'keys' }, async (tx) => {
      const rows = await repo.factorsUnderOtherMaster(tx, keyring.activeVersion, batch);
      for (const row of rows) {
        const secret = openUserSecret(keyring, row.userId, row.id, {
          sealed: row.secret!,
          masterVersion: row.masterVersion!,
        });
        const sealed = sealUserSecret(keyring, row.userId, row.id, secret);
        await repo.storeSecret(tx, row.id, sealed.sealed, sealed.masterVersion);
      }
      return rows.length;
    });
    total += done;
    if (done < batch) return total;
  }
}

/** Sealed user secrets per master key version (needs the `sweep: 'keys'` claim). */
export async function userSecretsPerMasterVersion(tx: Tx): Promise<Map<number, number>> {
  const rows = await tx
    .select({ version: userFactors.masterVersion, n: count() })
    .from(userFactors)
    .groupBy(userFactors.masterVersion);
  return new Map(rows.filter((r) => r.version !== null).map((r) => [r.version!, r.n]));
}

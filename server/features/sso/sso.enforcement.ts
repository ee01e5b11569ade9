import type { Tx } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import * as factors from '../factors/factors.repo.js';
import * as repo from './sso.repo.js';

/**
 * The memberships a password may still open (claims of the user set on tx; leaves the org claim of
 * the last one read). An org that enforces single sign-on is closed to passwords, except for its
 * break-glass administrators while they hold a confirmed second factor. A person in several orgs
 * keeps password sign-in to the orgs that do not enforce it.
 */
export async function passwordOpens<M extends { orgId: string }>(
  tx: Tx,
  userId: string,
  memberships: M[],
): Promise<M[]> {
  const open: M[] = [];
  let hasFactor: boolean | null = null;
  for (const m of memberships) {
    await setClaims(tx, { orgId: m.orgId });
    const connection = await repo.findConnection(tx, m.orgId);
    if (!connection?.enabled || !connection.enforced) {
      open.push(m);
      continue;
    }
    if (!connection.breakGlassUserIds.includes(userId)) continue;
    hasFactor ??= (await factors.confirmedFactors(tx, userId)).length > 0;
    if (hasFactor) open.push(m);
  }
  return open;
}

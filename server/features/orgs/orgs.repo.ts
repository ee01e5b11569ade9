import type { Tx } from '../../db/client.js';
import { orgs } from '../../db/schema/index.js';

export async function insertOrg(tx: Tx, row: typeof orgs.$inferInsert): Promise<void> {
  await tx.insert(orgs).values(row);
}

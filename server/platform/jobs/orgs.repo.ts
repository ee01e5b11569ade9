import { asc, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { orgs } from '../../db/schema/index.js';

export interface SweptOrg {
  id: string;
  timeZone: string;
}

/** Every org (or those named), by id; needs the app.sweep claim (migration 0009), set only by the jobs. */
export async function allOrgs(tx: Tx, only?: string | readonly string[]): Promise<SweptOrg[]> {
  await tx.execute(sql`select set_config('app.sweep', 'on', true)`);
  const ids = typeof only === 'string' ? [only] : only;
  return tx
    .select({ id: orgs.id, timeZone: orgs.timeZone })
    .from(orgs)
    .where(ids ? inArray(orgs.id, [...ids]) : undefined)
    .orderBy(asc(orgs.id));
}

import { type SQL, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { rowsOf, type Tx } from '../../db/client.js';

export interface ClaimSpec {
  /** The outbox table; it has `id` and `org_id` columns. */
  table: PgTable;
  orgId: string;
  /** Which rows are claimable (due, not leased), besides the org. */
  where: SQL;
  /** Which claimable rows come first. */
  orderBy: SQL;
  limit: number;
  /** What claiming does to a row: its status, a lease, the attempt counted (column names unqualified). */
  set: SQL;
  returning: SQL;
}

/**
 * The outbox claim: marks up to `limit` claimable rows of an org as this worker's in one
 * statement and returns them. SKIP LOCKED lets several workers claim side by side without waiting
 * for or taking each other's rows; commit the claim before the slow work (mail, extraction), and
 * give it a lease so that the rows of a worker that dies are claimable again when it runs out.
 */
export async function claimRows<T>(tx: Tx, spec: ClaimSpec): Promise<T[]> {
  const result = await tx.execute(sql`
    UPDATE ${spec.table} SET ${spec.set}
    WHERE org_id = ${spec.orgId} AND id IN (
      SELECT id FROM ${spec.table}
      WHERE org_id = ${spec.orgId} AND (${spec.where})
      ORDER BY ${spec.orderBy}
      LIMIT ${spec.limit}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING ${spec.returning}`);
  return rowsOf<T>(result);
}

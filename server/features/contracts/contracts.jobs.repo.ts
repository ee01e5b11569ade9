import { and, asc, desc, eq, gte, inArray, isNotNull, lt, ne, or, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { contractColumns, contracts } from '../../db/schema/index.js';
import type { ContractInsert, ContractRow } from './contracts.repo.js';

/** Takes this org's job lock for the transaction, or answers false when another instance holds it. */
export async function tryJobLock(tx: Tx, orgId: string): Promise<boolean> {
  const result = await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext('deedbox.contracts.jobs'), hashtext(${orgId})) as locked`,
  );
  return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
}

export type BinRow = Pick<ContractRow, 'id' | 'title' | 'contractNumber' | 'businessUnitId'> & { deletedAt: Date };

/** Contracts deleted since `since`, newest deletion first; `after` is the last (deletedAt, id) seen. */
export async function recycleBin(
  tx: Tx,
  orgId: string,
  since: Date,
  limit: number,
  after?: [string, string],
): Promise<BinRow[]> {
  const afterCond = after
    ? or(
        lt(contracts.deletedAt, new Date(after[0])),
        and(eq(contracts.deletedAt, new Date(after[0])), lt(contracts.id, after[1])),
      )
    : undefined;
  const rows = await tx
    .select({
      id: contracts.id,
      title: contracts.title,
      contractNumber: contracts.contractNumber,
      businessUnitId: contracts.businessUnitId,
      deletedAt: contracts.deletedAt,
    })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), gte(contracts.deletedAt, since), afterCond))
    .orderBy(desc(contracts.deletedAt), desc(contracts.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, deletedAt: r.deletedAt! }));
}

export async function findDeleted(tx: Tx, orgId: string, id: string): Promise<ContractRow | null> {
  const [row] = await tx
    .select(contractColumns)
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id), isNotNull(contracts.deletedAt)));
  return row ?? null;
}

export async function purgeable(tx: Tx, orgId: string, deletedBefore: Date, limit: number) {
  return tx
    .select({ id: contracts.id, title: contracts.title, deletedAt: contracts.deletedAt })
    .from(contracts)
    .where(and(eq(contracts.orgId, orgId), lt(contracts.deletedAt, deletedBefore)))
    .orderBy(asc(contracts.deletedAt), asc(contracts.id))
    .limit(limit);
}

/** Removes contracts for good: their children lose the master link, their billing lines go with them (cascade). */
export async function hardDelete(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx
    .update(contracts)
    .set({ masterId: null })
    .where(and(eq(contracts.orgId, orgId), inArray(contracts.masterId, ids)));
  await tx.delete(contracts).where(and(eq(contracts.orgId, orgId), inArray(contracts.id, ids)));
}

/** Live contracts whose stored dates may have rolled over (see mayHaveRolledOver) or whose billing values lapsed. */
export function stale(tx: Tx, orgId: string, today: string, limit: number) {
  return tx
    .select({ id: contracts.id, lifecycle: contracts.lifecycle })
    .from(contracts)
    .where(
      and(
        eq(contracts.orgId, orgId),
        sql`${contracts.deletedAt} is null`,
        or(
          and(
            lt(contracts.computedOn, today),
            ne(contracts.phase, 'ended'),
            or(
              eq(contracts.phase, 'upcoming'),
              lt(contracts.noticeDeadline, today),
              lt(contracts.currentTermEnd, today),
              lt(contracts.endsOn, today),
              and(eq(contracts.phase, 'running'), sql`${contracts.lifecycle} ->> 'noticeGivenOn' <= ${today}`),
              // Stored before notice given was taken to meet the deadline: recompute to drop it.
              and(eq(contracts.phase, 'notice_given'), sql`${contracts.noticeDeadline} is not null`),
            ),
          ),
          // A billing line has passed its last day, so the annual values change (also the migration's backfill).
          lt(contracts.billingValidUntil, today),
        ),
      ),
    )
    .orderBy(asc(contracts.id))
    .limit(limit);
}

/** Stored dates only: a refresh is not an edit, so updated_at stays. */
export async function setDates(tx: Tx, orgId: string, id: string, dates: Partial<ContractInsert>): Promise<void> {
  await tx
    .update(contracts)
    .set(dates)
    .where(and(eq(contracts.orgId, orgId), eq(contracts.id, id)));
}

import { and, asc, desc, eq, gt, gte, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { auditEvents, auditHeads, auditPersonal } from '../../db/schema/index.js';
import { GENESIS_HASH, type StoredEvent } from './audit.chain.js';

export interface AuditFilter {
  actorId?: string;
  action?: string;
  objectType?: string;
  objectId?: string;
  from?: string;
  to?: string;
  /** Account and session events (auth.*, session.*, user.*) the person did or that were about them. */
  securityOf?: string;
}

/** Locks the org's chain head for this transaction; concurrent appends in one org queue here. */
export async function lockHead(tx: Tx, orgId: string): Promise<{ seq: number; hash: string }> {
  await tx.insert(auditHeads).values({ orgId, seq: 0, hash: GENESIS_HASH }).onConflictDoNothing();
  const [head] = await tx
    .select({ seq: auditHeads.seq, hash: auditHeads.hash })
    .from(auditHeads)
    .where(eq(auditHeads.orgId, orgId))
    .for('update');
  if (!head) throw new Error('audit head missing after insert');
  return head;
}

export async function findHead(tx: Tx, orgId: string) {
  const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.orgId, orgId));
  return head ?? null;
}

export async function append(
  tx: Tx,
  event: Omit<StoredEvent, 'occurredAt' | 'personal'> & { occurredAt: Date },
  personal: { salt: string; content: Record<string, unknown> },
): Promise<void> {
  await tx.insert(auditEvents).values(event);
  await tx.insert(auditPersonal).values({ orgId: event.orgId, eventId: event.id, ...personal });
  await tx.update(auditHeads).set({ seq: event.seq, hash: event.hash }).where(eq(auditHeads.orgId, event.orgId));
}

function filterSql(orgId: string, f: AuditFilter): SQL {
  const conds: (SQL | undefined)[] = [eq(auditEvents.orgId, orgId)];
  if (f.actorId) conds.push(eq(auditEvents.actorId, f.actorId));
  if (f.action) conds.push(eq(auditEvents.action, f.action));
  if (f.objectType) conds.push(eq(auditEvents.objectType, f.objectType));
  if (f.objectId) conds.push(eq(auditEvents.objectId, f.objectId));
  if (f.from) conds.push(gte(auditEvents.occurredAt, sql`${f.from}::date`));
  if (f.to) conds.push(lt(auditEvents.occurredAt, sql`${f.to}::date + 1`));
  if (f.securityOf) {
    conds.push(or(eq(auditEvents.actorId, f.securityOf), eq(auditEvents.subjectId, f.securityOf)));
    conds.push(sql`split_part(${auditEvents.action}, '.', 1) in ('auth', 'session', 'user')`);
    // One's own name, language or date format is not security activity; a change by SCIM or an administrator is.
    conds.push(
      sql`not (${auditEvents.action} = 'user.updated' and ${auditEvents.actorId} is not distinct from ${f.securityOf})`,
    );
  }
  return and(...conds)!;
}

const columns = {
  event: auditEvents,
  personal: { salt: auditPersonal.salt, content: auditPersonal.content },
};

function toStored(row: {
  event: typeof auditEvents.$inferSelect;
  personal: { salt: string; content: Record<string, unknown> } | null;
}): StoredEvent {
  const { event, personal } = row;
  return { ...event, occurredAt: event.occurredAt.toISOString(), personal };
}

const joinPersonal = and(eq(auditPersonal.orgId, auditEvents.orgId), eq(auditPersonal.eventId, auditEvents.id));

/** Newest first; `beforeSeq` is the cursor. */
export async function list(tx: Tx, orgId: string, filter: AuditFilter, limit: number, beforeSeq?: number) {
  const where = beforeSeq ? and(filterSql(orgId, filter), lt(auditEvents.seq, beforeSeq)) : filterSql(orgId, filter);
  const rows = await tx
    .select(columns)
    .from(auditEvents)
    .leftJoin(auditPersonal, joinPersonal)
    .where(where)
    .orderBy(desc(auditEvents.seq))
    .limit(limit);
  return rows.map(toStored);
}

/** Oldest first from `afterSeq`, for verification and export. */
export async function listAscending(tx: Tx, orgId: string, afterSeq: number, limit: number, filter: AuditFilter = {}) {
  const rows = await tx
    .select(columns)
    .from(auditEvents)
    .leftJoin(auditPersonal, joinPersonal)
    .where(and(filterSql(orgId, filter), gt(auditEvents.seq, afterSeq)))
    .orderBy(asc(auditEvents.seq))
    .limit(limit);
  return rows.map(toStored);
}

/** GDPR erasure: the personal rows go, the chained events stay verifiable. */
export async function erasePersonalOf(tx: Tx, orgId: string, userId: string): Promise<number> {
  const ids = tx
    .select({ id: auditEvents.id })
    .from(auditEvents)
    .where(
      and(
        eq(auditEvents.orgId, orgId),
        sql`(${auditEvents.actorId} = ${userId} or ${auditEvents.subjectId} = ${userId})`,
      ),
    );
  const deleted = await tx
    .delete(auditPersonal)
    .where(and(eq(auditPersonal.orgId, orgId), sql`${auditPersonal.eventId} in ${ids}`))
    .returning({ id: auditPersonal.eventId });
  return deleted.length;
}

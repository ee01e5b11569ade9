import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { rowsOf, type Tx } from '../../db/client.js';
import { users, webhookAttempts, webhookDeliveries, webhookEndpoints } from '../../db/schema/index.js';
import { claimRows } from '../../platform/jobs/claim.js';

export type EndpointRow = typeof webhookEndpoints.$inferSelect;
export type DeliveryRow = typeof webhookDeliveries.$inferSelect;

/** Rows before the cursor `[createdAt, id]` of a newest-first list. */
const olderThan = (cols: { createdAt: PgColumn; id: PgColumn }, before?: [string, string]) =>
  before
    ? or(lt(cols.createdAt, new Date(before[0])), and(eq(cols.createdAt, new Date(before[0])), lt(cols.id, before[1])))
    : undefined;

export async function insertEndpoint(tx: Tx, row: typeof webhookEndpoints.$inferInsert): Promise<EndpointRow> {
  const [made] = await tx.insert(webhookEndpoints).values(row).returning();
  return made!;
}

export async function findEndpoint(tx: Tx, orgId: string, id: string, opts: { lock?: boolean } = {}) {
  const query = tx
    .select()
    .from(webhookEndpoints)
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
  const [row] = opts.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** Newest first; `before` is the cursor `[createdAt, id]` of the last row of the page before. */
export async function listEndpoints(tx: Tx, orgId: string, limit: number, before?: [string, string]) {
  return tx
    .select({ endpoint: webhookEndpoints, creator: users.name })
    .from(webhookEndpoints)
    .leftJoin(users, eq(users.id, webhookEndpoints.createdBy))
    .where(and(eq(webhookEndpoints.orgId, orgId), olderThan(webhookEndpoints, before)))
    .orderBy(desc(webhookEndpoints.createdAt), desc(webhookEndpoints.id))
    .limit(limit);
}

export async function creatorName(tx: Tx, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export async function updateEndpoint(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<typeof webhookEndpoints.$inferInsert>,
): Promise<EndpointRow> {
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ ...set, updatedAt: sql`now()` })
    .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)))
    .returning();
  return row!;
}

export async function deleteEndpoint(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(webhookEndpoints).where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, id)));
}

/** The org's active endpoints subscribed to `type`. */
export async function subscribers(tx: Tx, orgId: string, type: string): Promise<{ id: string }[]> {
  return tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.status, 'active'),
        sql`${type} = ANY(${webhookEndpoints.eventTypes})`,
      ),
    );
}

export async function insertDeliveries(tx: Tx, rows: (typeof webhookDeliveries.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(webhookDeliveries).values(rows).returning();
}

export async function findDelivery(tx: Tx, orgId: string, endpointId: string, id: string) {
  const [row] = await tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        eq(webhookDeliveries.id, id),
      ),
    )
    .for('update');
  return row ?? null;
}

/** An endpoint's deliveries, newest first; `before` is `[createdAt, id]` of the last row of the page before. */
export async function listDeliveries(
  tx: Tx,
  orgId: string,
  endpointId: string,
  limit: number,
  before?: [string, string],
) {
  return tx
    .select()
    .from(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        eq(webhookDeliveries.endpointId, endpointId),
        olderThan(webhookDeliveries, before),
      ),
    )
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
}

/** Sends a delivery again with the same message id: a fresh three days of retries from `now`. */
export async function requeue(tx: Tx, orgId: string, id: string, now: Date): Promise<DeliveryRow> {
  const [row] = await tx
    .update(webhookDeliveries)
    .set({
      status: 'queued',
      attempts: 0,
      firstAttemptAt: null,
      nextAttemptAt: now,
      leaseUntil: null,
      succeededAt: null,
      updatedAt: sql`now()`,
    })
    .where(and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, id)))
    .returning();
  return row!;
}

export interface ClaimedDelivery {
  id: string;
  messageId: string;
  endpointId: string;
  payload: string;
  attempts: number;
  firstAttemptAt: Date;
}

/**
 * Claims due deliveries of active endpoints (queued, retrying whose time has come, sending whose
 * lease ran out): sending, with a lease, the attempt counted. A disabled endpoint's deliveries wait.
 */
export async function claim(tx: Tx, orgId: string, now: Date, limit: number, leaseMs: number) {
  const rows = await claimRows<Record<string, unknown>>(tx, {
    table: webhookDeliveries,
    orgId,
    where: sql`status IN ('queued', 'retrying', 'sending') AND next_attempt_at <= ${now}
      AND (status <> 'sending' OR lease_until < ${now})
      AND endpoint_id IN (SELECT id FROM webhook_endpoints WHERE org_id = ${orgId} AND status = 'active')`,
    orderBy: sql`next_attempt_at`,
    limit,
    set: sql`status = 'sending', lease_until = ${new Date(now.getTime() + leaseMs)}, attempts = attempts + 1,
      first_attempt_at = coalesce(first_attempt_at, ${now}), updated_at = now()`,
    returning: sql`id, message_id, endpoint_id, payload, attempts, first_attempt_at`,
  });
  return rows.map(
    (r): ClaimedDelivery => ({
      id: r.id as string,
      messageId: r.message_id as string,
      endpointId: r.endpoint_id as string,
      payload: r.payload as string,
      attempts: Number(r.attempts),
      firstAttemptAt: new Date(r.first_attempt_at as string | Date),
    }),
  );
}

export interface Outcome {
  status: 'succeeded' | 'retrying' | 'failed';
  nextAttemptAt: Date | null;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
}

/** Settles one attempt: the delivery's new state and a line in its attempt log. */
export async function settle(tx: Tx, orgId: string, d: ClaimedDelivery, o: Outcome, now: Date): Promise<void> {
  await tx
    .update(webhookDeliveries)
    .set({
      status: o.status,
      nextAttemptAt: o.nextAttemptAt,
      leaseUntil: null,
      lastStatusCode: o.statusCode,
      lastDurationMs: o.durationMs,
      lastError: o.error,
      ...(o.status === 'succeeded' && { succeededAt: now }),
      updatedAt: sql`now()`,
    })
    .where(
      and(eq(webhookDeliveries.orgId, orgId), eq(webhookDeliveries.id, d.id), eq(webhookDeliveries.status, 'sending')),
    );
  await tx.insert(webhookAttempts).values({
    orgId,
    id: crypto.randomUUID(),
    deliveryId: d.id,
    attemptedAt: now,
    statusCode: o.statusCode,
    durationMs: o.durationMs,
    error: o.error,
  });
  if (o.status === 'succeeded') {
    await tx
      .update(webhookEndpoints)
      .set({ lastSuccessAt: now })
      .where(and(eq(webhookEndpoints.orgId, orgId), eq(webhookEndpoints.id, d.endpointId)));
  }
}

/** Whether any active endpoint of the org subscribes to one of `types` (so the caller can skip gathering payloads). */
export async function anySubscriber(tx: Tx, orgId: string, types: string[]): Promise<boolean> {
  const [row] = await tx
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .where(
      and(
        eq(webhookEndpoints.orgId, orgId),
        eq(webhookEndpoints.status, 'active'),
        sql`${webhookEndpoints.eventTypes} && ARRAY[${sql.join(
          types.map((t) => sql`${t}`),
          sql`, `,
        )}]::text[]`,
      ),
    )
    .limit(1);
  return Boolean(row);
}

export interface OccurrenceFacts {
  occurrence_id: string;
  reminder_id: string;
  contract_id: string;
  event_id: string;
  event_type: string;
  event_date: string;
  due_on: string;
}

/** The reminder occurrences the engine just made, with their event's type. */
export async function occurrenceFacts(tx: Tx, orgId: string, ids: string[]): Promise<OccurrenceFacts[]> {
  const result = await tx.execute(sql`
    SELECT o.id AS occurrence_id, o.reminder_id, o.contract_id, o.event_id, e.type AS event_type,
           to_char(o.event_date, 'YYYY-MM-DD') AS event_date, to_char(o.due_on, 'YYYY-MM-DD') AS due_on
    FROM reminder_occurrences o JOIN events e ON e.org_id = o.org_id AND e.id = o.event_id
    WHERE o.org_id = ${orgId} AND o.id IN (${sql.join(
      ids.map((id) => sql`${id}`),
      sql`, `,
    )})
    ORDER BY o.event_date, o.id`);
  return rowsOf<OccurrenceFacts>(result);
}

/** Deletes the org's finished deliveries (delivered or given up) made before `before`, their attempts with them. */
export async function pruneFinished(tx: Tx, orgId: string, before: Date): Promise<number> {
  const gone = await tx
    .delete(webhookDeliveries)
    .where(
      and(
        eq(webhookDeliveries.orgId, orgId),
        inArray(webhookDeliveries.status, ['succeeded', 'failed']),
        lt(webhookDeliveries.createdAt, before),
      ),
    )
    .returning({ id: webhookDeliveries.id });
  return gone.length;
}

import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { signingEnvelopes, signingEvents, signingFields, signingRecipients } from '../../db/schema/index.js';

export type EnvelopeRow = typeof signingEnvelopes.$inferSelect;
export type RecipientRow = typeof signingRecipients.$inferSelect;
export type FieldRow = typeof signingFields.$inferSelect;
export type EventRow = typeof signingEvents.$inferSelect;

export async function insert(tx: Tx, row: typeof signingEnvelopes.$inferInsert): Promise<void> {
  await tx.insert(signingEnvelopes).values(row);
}

export async function find(tx: Tx, orgId: string, id: string, opts: { lock?: boolean } = {}) {
  const query = tx
    .select()
    .from(signingEnvelopes)
    .where(and(eq(signingEnvelopes.orgId, orgId), eq(signingEnvelopes.id, id)));
  const [row] = await (opts.lock ? query.for('update') : query);
  return row ?? null;
}

/** Newest first; the caller filters to what the actor may read. */
export function list(tx: Tx, orgId: string, filter: { contractId?: string; documentId?: string }) {
  const where: SQL[] = [eq(signingEnvelopes.orgId, orgId)];
  if (filter.contractId) where.push(eq(signingEnvelopes.contractId, filter.contractId));
  if (filter.documentId) where.push(eq(signingEnvelopes.documentId, filter.documentId));
  return tx
    .select()
    .from(signingEnvelopes)
    .where(and(...where))
    .orderBy(desc(signingEnvelopes.createdAt), desc(signingEnvelopes.id))
    .limit(200);
}

export async function update(tx: Tx, orgId: string, id: string, set: Partial<typeof signingEnvelopes.$inferInsert>) {
  await tx
    .update(signingEnvelopes)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(signingEnvelopes.orgId, orgId), eq(signingEnvelopes.id, id)));
}

export async function remove(tx: Tx, orgId: string, id: string): Promise<void> {
  await tx.delete(signingEnvelopes).where(and(eq(signingEnvelopes.orgId, orgId), eq(signingEnvelopes.id, id)));
}

export function recipientsOf(tx: Tx, orgId: string, envelopeId: string): Promise<RecipientRow[]> {
  return tx
    .select()
    .from(signingRecipients)
    .where(and(eq(signingRecipients.orgId, orgId), eq(signingRecipients.envelopeId, envelopeId)))
    .orderBy(asc(signingRecipients.position), asc(signingRecipients.email));
}

export function fieldsOf(tx: Tx, orgId: string, envelopeId: string): Promise<FieldRow[]> {
  return tx
    .select()
    .from(signingFields)
    .where(and(eq(signingFields.orgId, orgId), eq(signingFields.envelopeId, envelopeId)))
    .orderBy(asc(signingFields.page), asc(signingFields.y), asc(signingFields.x));
}

export async function insertRecipients(tx: Tx, rows: (typeof signingRecipients.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await tx.insert(signingRecipients).values(rows);
}

export async function updateRecipient(
  tx: Tx,
  orgId: string,
  id: string,
  set: Partial<typeof signingRecipients.$inferInsert>,
): Promise<void> {
  await tx
    .update(signingRecipients)
    .set(set)
    .where(and(eq(signingRecipients.orgId, orgId), eq(signingRecipients.id, id)));
}

export async function removeRecipients(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await tx.delete(signingRecipients).where(and(eq(signingRecipients.orgId, orgId), inArray(signingRecipients.id, ids)));
}

/** A draft's fields replaced as a whole (they hold no values before the envelope is sent). */
export async function replaceFields(
  tx: Tx,
  orgId: string,
  envelopeId: string,
  rows: (typeof signingFields.$inferInsert)[],
): Promise<void> {
  await tx.delete(signingFields).where(and(eq(signingFields.orgId, orgId), eq(signingFields.envelopeId, envelopeId)));
  if (rows.length > 0) await tx.insert(signingFields).values(rows);
}

export async function addEvent(tx: Tx, row: typeof signingEvents.$inferInsert): Promise<void> {
  await tx.insert(signingEvents).values(row);
}

export function eventsOf(tx: Tx, orgId: string, envelopeId: string): Promise<EventRow[]> {
  return tx
    .select()
    .from(signingEvents)
    .where(and(eq(signingEvents.orgId, orgId), eq(signingEvents.envelopeId, envelopeId)))
    .orderBy(asc(signingEvents.at), asc(signingEvents.id));
}

export async function findRecipient(tx: Tx, orgId: string, id: string): Promise<RecipientRow | null> {
  const [row] = await tx
    .select()
    .from(signingRecipients)
    .where(and(eq(signingRecipients.orgId, orgId), eq(signingRecipients.id, id)));
  return row ?? null;
}

export async function fillField(tx: Tx, orgId: string, id: string, value: Buffer, at: Date): Promise<void> {
  await tx
    .update(signingFields)
    .set({ value, filledAt: at })
    .where(and(eq(signingFields.orgId, orgId), eq(signingFields.id, id)));
}

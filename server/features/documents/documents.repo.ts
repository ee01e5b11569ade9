import { and, asc, desc, eq, inArray, isNotNull, isNull, lte, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { blobDeletions, documents, documentVersions } from '../../db/schema/index.js';

export type DocumentRow = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;

export async function find(tx: Tx, orgId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)));
  return row ?? null;
}

/** The row locked for a change (rename, delete, a new version). */
export async function lock(tx: Tx, orgId: string, id: string): Promise<DocumentRow | null> {
  const [row] = await tx
    .select()
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)))
    .for('update');
  return row ?? null;
}

export async function listForContract(tx: Tx, orgId: string, contractId: string, deleted: boolean) {
  return tx
    .select()
    .from(documents)
    .where(
      and(
        eq(documents.orgId, orgId),
        eq(documents.contractId, contractId),
        deleted ? isNotNull(documents.deletedAt) : isNull(documents.deletedAt),
      ),
    )
    .orderBy(desc(documents.createdAt), desc(documents.id));
}

export async function versionsOf(tx: Tx, orgId: string, documentIds: string[]): Promise<VersionRow[]> {
  if (documentIds.length === 0) return [];
  return tx
    .select()
    .from(documentVersions)
    .where(and(eq(documentVersions.orgId, orgId), inArray(documentVersions.documentId, documentIds)))
    .orderBy(asc(documentVersions.documentId), desc(documentVersions.number));
}

export async function version(tx: Tx, orgId: string, documentId: string, number: number): Promise<VersionRow | null> {
  const [row] = await tx
    .select()
    .from(documentVersions)
    .where(
      and(
        eq(documentVersions.orgId, orgId),
        eq(documentVersions.documentId, documentId),
        eq(documentVersions.number, number),
      ),
    );
  return row ?? null;
}

export async function insertDocument(tx: Tx, row: typeof documents.$inferInsert): Promise<void> {
  await tx.insert(documents).values(row);
}

export async function insertVersion(tx: Tx, row: typeof documentVersions.$inferInsert): Promise<void> {
  await tx.insert(documentVersions).values(row);
}

export async function update(tx: Tx, orgId: string, id: string, set: Partial<typeof documents.$inferInsert>) {
  await tx
    .update(documents)
    .set({ ...set, updatedAt: new Date() })
    .where(and(eq(documents.orgId, orgId), eq(documents.id, id)));
}

/** Files a blob for removal unless an upload claims it first (by then taking it back with unfile). */
export async function fileBlob(tx: Tx, orgId: string, blobName: string, purgeAfter: Date): Promise<void> {
  await tx.insert(blobDeletions).values({ orgId, blobName, purgeAfter }).onConflictDoNothing();
}

/** Takes a blob off the removal list; false when it is no longer on it (the purge took it). */
export async function unfileBlob(tx: Tx, orgId: string, blobName: string): Promise<boolean> {
  const gone = await tx
    .delete(blobDeletions)
    .where(and(eq(blobDeletions.orgId, orgId), eq(blobDeletions.blobName, blobName)))
    .returning({ blobName: blobDeletions.blobName });
  return gone.length > 0;
}

/** Documents whose time in the recycle bin is over. */
export async function expiredInBin(tx: Tx, orgId: string, before: Date, limit: number) {
  return tx
    .select({ id: documents.id })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), isNotNull(documents.deletedAt), lte(documents.deletedAt, before)))
    .limit(limit);
}

export async function remove(tx: Tx, orgId: string, ids: string[]): Promise<void> {
  if (ids.length > 0) await tx.delete(documents).where(and(eq(documents.orgId, orgId), inArray(documents.id, ids)));
}

/** Takes (deletes) up to `limit` filed blobs whose time has come; the caller deletes them from the store. */
export async function claimBlobDeletions(tx: Tx, orgId: string, now: Date, limit: number): Promise<string[]> {
  const result = await tx.execute(sql`
    DELETE FROM blob_deletions WHERE org_id = ${orgId} AND blob_name IN (
      SELECT blob_name FROM blob_deletions WHERE org_id = ${orgId} AND purge_after <= ${now}
      ORDER BY purge_after LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING blob_name`);
  return rowsOf<{ blob_name: string }>(result).map((r) => r.blob_name);
}

export async function countLive(tx: Tx, orgId: string, contractId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.contractId, contractId), isNull(documents.deletedAt)));
  return row?.n ?? 0;
}

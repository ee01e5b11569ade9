import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { documents, inboxAddresses } from '../../db/schema/index.js';
import type { DocumentRow } from '../documents/documents.repo.js';

export type InboxAddressRow = typeof inboxAddresses.$inferSelect;

/** A page position: the creation time as PostgreSQL writes it (microseconds kept) and the id. */
export type InboxCursor = [string, string];

/** Live documents waiting in the inbox, newest first; `limit + 1` tells whether a next page exists. */
export async function listWaiting(
  tx: Tx,
  orgId: string,
  limit: number,
  after?: InboxCursor,
): Promise<{ row: DocumentRow; cursor: InboxCursor }[]> {
  const rows = await tx
    .select({ row: documents, at: sql<string>`${documents.createdAt}::text` })
    .from(documents)
    .where(
      and(
        eq(documents.orgId, orgId),
        eq(documents.inInbox, true),
        isNull(documents.deletedAt),
        after
          ? sql`(${documents.createdAt}, ${documents.id}) < (${after[0]}::timestamptz, ${after[1]}::uuid)`
          : undefined,
      ),
    )
    .orderBy(desc(documents.createdAt), desc(documents.id))
    .limit(limit);
  return rows.map(({ row, at }) => ({ row, cursor: [at, row.id] }));
}

/** Which parts of a mailed message (by the hash of its Message-ID) are already documents, in the bin or not. */
export async function receivedParts(tx: Tx, orgId: string, message: string): Promise<Set<number>> {
  const rows = await tx
    .select({ part: documents.sourcePart })
    .from(documents)
    .where(and(eq(documents.orgId, orgId), eq(documents.sourceMessage, message)));
  return new Set(rows.map((r) => r.part ?? 0));
}

export async function findAddress(tx: Tx, orgId: string): Promise<InboxAddressRow | null> {
  const [row] = await tx.select().from(inboxAddresses).where(eq(inboxAddresses.orgId, orgId));
  return row ?? null;
}

/** Adds the org's address unless one exists (two first reads at once make one); true when this one was added. */
export async function addAddress(tx: Tx, row: typeof inboxAddresses.$inferInsert): Promise<boolean> {
  const added = await tx
    .insert(inboxAddresses)
    .values(row)
    .onConflictDoNothing()
    .returning({ orgId: inboxAddresses.orgId });
  return added.length > 0;
}

/** Replaces the org's address in place: the old hash stops matching in the same statement. */
export async function replaceAddress(tx: Tx, row: typeof inboxAddresses.$inferInsert): Promise<void> {
  await tx
    .insert(inboxAddresses)
    .values(row)
    .onConflictDoUpdate({
      target: inboxAddresses.orgId,
      set: {
        tokenHash: row.tokenHash,
        dataKey: row.dataKey,
        orgKeyVersion: row.orgKeyVersion,
        localPart: row.localPart,
        createdAt: new Date(),
      },
    });
}

/** The org an address's local part belongs to, found by its hash (needs the `tokenHash` claim). */
export async function orgOfAddress(tx: Tx, tokenHash: string): Promise<string | null> {
  const [row] = await tx
    .select({ orgId: inboxAddresses.orgId })
    .from(inboxAddresses)
    .where(eq(inboxAddresses.tokenHash, tokenHash));
  return row?.orgId ?? null;
}

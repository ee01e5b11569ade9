import { and, count, eq, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { backupCodes, orgs, userFactors } from '../../db/schema/index.js';

/** Every query needs the `userId` claim of the person, or the `orgId` claim of an org they belong to. */
export type FactorRow = typeof userFactors.$inferSelect;

export async function insertFactor(tx: Tx, row: typeof userFactors.$inferInsert): Promise<void> {
  await tx.insert(userFactors).values(row);
}

export async function findFactor(tx: Tx, userId: string, id: string): Promise<FactorRow | null> {
  const [row] = await tx
    .select()
    .from(userFactors)
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id)));
  return row ?? null;
}

export function listFactors(tx: Tx, userId: string): Promise<FactorRow[]> {
  return tx.select().from(userFactors).where(eq(userFactors.userId, userId)).orderBy(userFactors.createdAt);
}

export function confirmedFactors(tx: Tx, userId: string): Promise<FactorRow[]> {
  return tx
    .select()
    .from(userFactors)
    .where(and(eq(userFactors.userId, userId), isNotNull(userFactors.confirmedAt)))
    .orderBy(userFactors.createdAt);
}

/** Enrolments never confirmed are dropped when the person starts another. */
export async function deleteUnconfirmed(tx: Tx, userId: string): Promise<void> {
  await tx.delete(userFactors).where(and(eq(userFactors.userId, userId), isNull(userFactors.confirmedAt)));
}

/**
 * Records an accepted TOTP step, only when it is later than the last one: of two requests racing
 * with the same code, one wins. Confirms the factor when it was not yet. False: a replay.
 */
export async function acceptStep(tx: Tx, userId: string, id: string, step: number, now: Date): Promise<boolean> {
  const rows = await tx
    .update(userFactors)
    .set({ lastStep: step, lastUsedAt: now })
    .where(
      and(
        eq(userFactors.userId, userId),
        eq(userFactors.id, id),
        or(isNull(userFactors.lastStep), lt(userFactors.lastStep, step)),
      ),
    )
    .returning({ id: userFactors.id });
  return rows.length === 1;
}

export async function confirmFactor(tx: Tx, userId: string, id: string, now: Date): Promise<void> {
  await tx
    .update(userFactors)
    .set({ confirmedAt: now })
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id)));
}

export async function deleteFactor(tx: Tx, userId: string, id: string): Promise<boolean> {
  const rows = await tx
    .delete(userFactors)
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id)))
    .returning({ id: userFactors.id });
  return rows.length === 1;
}

/** Removes every factor and backup code of the person (an administrator's reset); returns the confirmed factors removed. */
export async function deleteAllFactors(tx: Tx, userId: string): Promise<FactorRow[]> {
  await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
  const rows = await tx.delete(userFactors).where(eq(userFactors.userId, userId)).returning();
  return rows.filter((r) => r.confirmedAt !== null);
}

/** The person's backup codes are replaced as a set: old ones stop working. */
export async function replaceBackupCodes(tx: Tx, userId: string, hashes: string[]): Promise<void> {
  await tx.delete(backupCodes).where(eq(backupCodes.userId, userId));
  if (hashes.length === 0) return;
  await tx.insert(backupCodes).values(hashes.map((codeHash) => ({ id: crypto.randomUUID(), userId, codeHash })));
}

/** Spends an unused backup code; false when it is not one of the person's, or used. */
export async function markBackupCodeUsed(tx: Tx, userId: string, codeHash: string, now: Date): Promise<boolean> {
  const rows = await tx
    .update(backupCodes)
    .set({ usedAt: now })
    .where(and(eq(backupCodes.userId, userId), eq(backupCodes.codeHash, codeHash), isNull(backupCodes.usedAt)))
    .returning({ id: backupCodes.id });
  return rows.length === 1;
}

export async function unusedBackupCodes(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(backupCodes)
    .where(and(eq(backupCodes.userId, userId), isNull(backupCodes.usedAt)));
  return row?.n ?? 0;
}

/** Factors whose secret is sealed under another master key version (needs the `sweep: 'keys'` claim to see all). */
export function factorsUnderOtherMaster(tx: Tx, activeVersion: number, limit: number): Promise<FactorRow[]> {
  return tx
    .select()
    .from(userFactors)
    .where(and(isNotNull(userFactors.secret), ne(userFactors.masterVersion, activeVersion)))
    .limit(limit)
    .for('update');
}

export async function storeSecret(tx: Tx, id: string, secret: Buffer, masterVersion: number): Promise<void> {
  await tx.update(userFactors).set({ secret, masterVersion }).where(eq(userFactors.id, id));
}

export async function setRequireSecondFactor(tx: Tx, orgId: string, value: boolean): Promise<void> {
  await tx.update(orgs).set({ requireSecondFactor: value }).where(eq(orgs.id, orgId));
}

/** The person's confirmed passkey with this credential id (scoped to the person: a credential of another is unknown). */
export async function findPasskey(tx: Tx, userId: string, credentialId: string): Promise<FactorRow | null> {
  const [row] = await tx
    .select()
    .from(userFactors)
    .where(
      and(
        eq(userFactors.userId, userId),
        eq(userFactors.kind, 'passkey'),
        eq(userFactors.credentialId, credentialId),
        isNotNull(userFactors.confirmedAt),
      ),
    );
  return row ?? null;
}

/** Stores the credential a registration proved and confirms the factor. */
export async function confirmPasskey(
  tx: Tx,
  userId: string,
  id: string,
  credential: { credentialId: string; publicKey: Buffer; signCount: number; transports: string[]; backedUp: boolean },
  now: Date,
): Promise<void> {
  await tx
    .update(userFactors)
    .set({ ...credential, confirmedAt: now })
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id), isNull(userFactors.confirmedAt)));
}

/**
 * Records a passkey's use with its new counter, only while the stored counter is still the one the
 * assertion was checked against: of two requests racing with one assertion, one wins.
 */
export async function acceptPasskeyUse(
  tx: Tx,
  userId: string,
  id: string,
  previous: number,
  signCount: number,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(userFactors)
    .set({ signCount, lastUsedAt: now })
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id), eq(userFactors.signCount, previous)))
    .returning({ id: userFactors.id });
  return rows.length === 1;
}

export async function renameFactor(tx: Tx, userId: string, id: string, name: string): Promise<FactorRow | null> {
  const [row] = await tx
    .update(userFactors)
    .set({ name })
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id), isNotNull(userFactors.confirmedAt)))
    .returning();
  return row ?? null;
}

export async function markUsed(tx: Tx, userId: string, id: string, now: Date): Promise<void> {
  await tx
    .update(userFactors)
    .set({ lastUsedAt: now })
    .where(and(eq(userFactors.userId, userId), eq(userFactors.id, id)));
}

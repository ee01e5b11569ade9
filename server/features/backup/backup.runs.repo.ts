import { randomUUID } from 'node:crypto';
import { and, desc, eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { backupRuns } from '../../db/schema/index.js';

export type BackupRunKind = (typeof backupRuns.$inferSelect)['kind'];
export type BackupRun = typeof backupRuns.$inferSelect;

export async function startBackupRun(tx: Tx, kind: BackupRunKind, startedAt: Date, location: string): Promise<string> {
  const id = randomUUID();
  await tx.insert(backupRuns).values({ id, kind, startedAt, location });
  return id;
}

export async function finishBackupRun(
  tx: Tx,
  id: string,
  outcome: { ok: boolean; size?: number | null; sha256?: string | null; error?: string | null },
): Promise<void> {
  await tx
    .update(backupRuns)
    .set({
      finishedAt: new Date(),
      ok: outcome.ok,
      size: outcome.size ?? null,
      sha256: outcome.sha256 ?? null,
      error: outcome.error?.slice(0, 1000) ?? null,
    })
    .where(eq(backupRuns.id, id));
}

/** The newest run of a kind, or the newest successful one. */
export async function lastBackupRun(tx: Tx, kind: BackupRunKind, onlyOk = false): Promise<BackupRun | null> {
  const [row] = await tx
    .select()
    .from(backupRuns)
    .where(onlyOk ? and(eq(backupRuns.kind, kind), eq(backupRuns.ok, true)) : eq(backupRuns.kind, kind))
    .orderBy(desc(backupRuns.startedAt))
    .limit(1);
  return row ?? null;
}

import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { type Deps, transact } from '../../platform/context.js';
import type { JobContext, JobCounts, JobDefinition } from '../../platform/jobs/job.js';
import { writeKeySnapshot } from './backup.keys.js';
import { type BackupPlace, openBackupPlace, withBackupPlace } from './backup.places.js';
import { scratchRestore } from './backup.restore.js';
import { type BackupRunKind, finishBackupRun, lastBackupRun, startBackupRun } from './backup.runs.repo.js';
import { verifyBackup, writeBackup } from './backup.service.js';

const HOUR_MS = 3_600_000;
async function sha256Of(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** A failure the operators must hear of: an error log line, the job's failed-run metric (it rethrows), and a mail. */
async function alert(ctx: JobContext, what: string, location: string, error: unknown): Promise<void> {
  const message = error instanceof Error ? error.message : String(error);
  ctx.log.error({ err: error, location, alert: 'backup' }, `${what} failed: ${message}`);
  const to = ctx.deps.config.backup.operatorEmail;
  if (!to) return;
  await ctx.deps.mailer
    .send({
      to,
      subject: `Deedbox: ${what} failed (${ctx.deps.config.appUrl})`,
      text: `${what} failed at ${ctx.now.toISOString()}.\nLocation: ${location}\nError: ${message}\n\nSee docs/operations.md, "Backups".`,
    })
    .catch((err: unknown) => ctx.log.error({ err }, 'the backup alert mail could not be sent'));
}

async function recorded(
  ctx: JobContext,
  kind: BackupRunKind,
  location: string,
  work: () => Promise<{ size: number; sha256: string }>,
): Promise<{ size: number; sha256: string }> {
  const deps = ctx.deps;
  const id = await transact(deps, { jobs: 'on' }, (tx) => startBackupRun(tx, kind, ctx.now, location));
  try {
    const done = await work();
    await transact(deps, { jobs: 'on' }, (tx) => finishBackupRun(tx, id, { ok: true, ...done }));
    return done;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await transact(deps, { jobs: 'on' }, (tx) => finishBackupRun(tx, id, { ok: false, error: message }));
    await alert(ctx, kind === 'create' ? 'the scheduled backup' : 'the restore drill', location, error);
    throw error;
  }
}

/** The scheduled backups in a folder, newest first. */
export async function scheduledBackups(dir: string): Promise<string[]> {
  return withBackupPlace({ driver: 'local', dir }, 'backup', async (place) =>
    (await place.scheduled()).map((n) => place.where(n)),
  );
}

/** The deployments (by their config) already told that no key-store snapshots are taken. */
const toldNoSnapshots = new WeakSet<object>();

/** Deletes the scheduled ones beyond BACKUP_KEEP; how many. */
async function prune(place: BackupPlace, keep: number): Promise<number> {
  const old = (await place.scheduled()).slice(keep);
  for (const name of old) await place.remove(name);
  return old.length;
}

/**
 * Takes one backup into its place (BACKUP_DIR or BACKUP_CONTAINER) and, when configured, a key-store
 * snapshot of the same time into its own (BACKUP_KEYS_DIR or BACKUP_KEYS_CONTAINER); records and logs
 * them, and deletes the ones beyond BACKUP_KEEP in each.
 */
export async function scheduledBackup(ctx: JobContext): Promise<JobCounts> {
  const { data, keys, keep } = ctx.deps.config.backup;
  if (!data) return { disabled: 1 };
  if (!keys && !toldNoSnapshots.has(ctx.deps.config)) {
    toldNoSnapshots.add(ctx.deps.config);
    ctx.log.warn(
      'no key-store snapshot place is set (BACKUP_KEYS_DIR, or BACKUP_KEYS_CONTAINER): scheduled backups take no key-store snapshot, and a deletion has none to rewrite (docs/operations.md, "Backups")',
    );
  }
  const backups = await openBackupPlace(data, 'backup');
  const snapshots = keys ? await openBackupPlace(keys, 'keys') : null;
  try {
    const name = backups.nameAt(ctx.now);
    const file = backups.where(name);
    const result = await recorded(ctx, 'create', file, async () => {
      const r = await writeBackup(ctx.deps, backups.sink(name));
      ctx.log.info(
        {
          file,
          size: r.size,
          durationMs: r.durationMs,
          sha256: r.sha256,
          blobs: r.manifest.totals.blobs,
          missingBlobs: r.manifest.missingBlobs.length,
        },
        'backup written',
      );
      // After the data: every key its rows need is in the store by now (rotation retires, never removes in use).
      if (snapshots) {
        const at = snapshots.nameAt(ctx.now);
        const snapshot = await writeKeySnapshot(ctx.deps, snapshots.where(at), snapshots.sink(at));
        ctx.log.info(
          { file: snapshot.file, orgKeys: snapshot.orgKeys, size: snapshot.size, sha256: snapshot.sha256 },
          'key-store snapshot written',
        );
      }
      return r;
    });
    const pruned = await prune(backups, keep);
    if (!snapshots) return { created: 1, bytes: result.size, pruned };
    return {
      created: 1,
      bytes: result.size,
      pruned,
      keySnapshots: 1,
      keySnapshotsPruned: await prune(snapshots, keep),
    };
  } finally {
    await backups.close();
    await snapshots?.close();
  }
}

/**
 * The restore drill: verifies the newest backup end to end (every chunk, every checksum), loads its
 * database into a scratch one and compares the rows per table, and records it. A backup in a storage
 * driver is downloaded to a private temporary folder first, and removed after.
 */
export async function restoreDrill(ctx: JobContext): Promise<JobCounts> {
  const { data } = ctx.deps.config.backup;
  if (!data) return { disabled: 1 };
  await withBackupPlace(data, 'backup', async (place) => {
    const [newest] = await place.scheduled();
    const location = newest ? place.where(newest) : place.where('');
    await recorded(ctx, 'verify', location, async () => {
      if (!newest) throw new Error(`no scheduled backup in ${location}`);
      return place.withFile(newest, async (file) => {
        const started = Date.now();
        const report = await verifyBackup(file, ctx.deps.config.backupKeys);
        const restored = await scratchRestore(ctx.deps, file, report.manifest);
        const sha256 = await sha256Of(file);
        const { size } = await stat(file);
        ctx.log.info(
          { file: location, durationMs: Date.now() - started, sha256, totals: report.manifest.totals, restored },
          'restore drill: backup verified and restored into a scratch database',
        );
        return { size, sha256 };
      });
    });
  });
  return { verified: 1 };
}

async function due(deps: Deps, kind: BackupRunKind, now: Date, everyMs: number): Promise<boolean> {
  const last = await transact(deps, { jobs: 'on' }, (tx) => lastBackupRun(tx, kind));
  return !last || now.getTime() - last.startedAt.getTime() >= everyMs;
}

/** Checked hourly; each does its work when BACKUP_DIR (or BACKUP_CONTAINER) is set and its interval has passed since its last run. */
export const backupJobs: JobDefinition[] = [
  {
    name: 'backup.create',
    scope: 'global',
    schedule: { everyMs: HOUR_MS },
    run: async (ctx) => {
      const { data, intervalHours } = ctx.deps.config.backup;
      if (!data) return { disabled: 1 };
      if (!(await due(ctx.deps, 'create', ctx.now, intervalHours * HOUR_MS - 60_000))) return { due: 0 };
      return scheduledBackup(ctx);
    },
  },
  {
    name: 'backup.drill',
    scope: 'global',
    schedule: { everyMs: HOUR_MS },
    run: async (ctx) => {
      if (!ctx.deps.config.backup.data) return { disabled: 1 };
      if (!(await due(ctx.deps, 'verify', ctx.now, 24 * HOUR_MS - 60_000))) return { due: 0 };
      return restoreDrill(ctx);
    },
  },
];

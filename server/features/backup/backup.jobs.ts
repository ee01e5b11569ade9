import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { type Deps, transact } from '../../platform/context.js';
import type { JobContext, JobCounts, JobDefinition } from '../../platform/jobs/job.js';
import { keySnapshotFiles, writeKeySnapshot } from './backup.keys.js';
import { scratchRestore } from './backup.restore.js';
import { type BackupRunKind, finishBackupRun, lastBackupRun, startBackupRun } from './backup.runs.repo.js';
import { fileSink, verifyBackup, writeBackup } from './backup.service.js';

const HOUR_MS = 3_600_000;
/** Scheduled backups are named by their time, so that sorting the names sorts them by age. */
const FILE = /^deedbox-\d{8}T\d{6}Z\.backup$/;
/** Their key-store snapshots, in BACKUP_KEYS_DIR, carry the same name with `.keys`. */
const KEYS_FILE = /^deedbox-\d{8}T\d{6}Z\.keys$/;
const fileName = (at: Date, ext: 'backup' | 'keys') =>
  `deedbox-${at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')}.${ext}`;

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

/** The scheduled backups in the folder, newest first. */
export async function scheduledBackups(dir: string): Promise<string[]> {
  const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => FILE.test(n));
  return names
    .sort()
    .reverse()
    .map((n) => path.join(dir, n));
}

/** The deployments (by their config) already told that no key-store snapshots are taken. */
const toldNoKeysDir = new WeakSet<object>();

/** Deletes the scheduled files beyond BACKUP_KEEP (newest first in files); how many. */
async function prune(files: string[], keep: number): Promise<number> {
  let pruned = 0;
  for (const old of files.slice(keep)) {
    await rm(old, { force: true });
    pruned++;
  }
  return pruned;
}

/**
 * Takes one backup into BACKUP_DIR and, with BACKUP_KEYS_DIR set, a key-store snapshot of the same
 * name into that folder; records and logs them, and deletes the ones beyond BACKUP_KEEP in each.
 */
export async function scheduledBackup(ctx: JobContext): Promise<JobCounts> {
  const { dir, keysDir, keep } = ctx.deps.config.backup;
  if (!dir) return { disabled: 1 };
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (keysDir) await mkdir(keysDir, { recursive: true, mode: 0o700 });
  else if (!toldNoKeysDir.has(ctx.deps.config)) {
    toldNoKeysDir.add(ctx.deps.config);
    ctx.log.warn(
      { dir },
      'BACKUP_KEYS_DIR is not set: scheduled backups take no key-store snapshot (docs/operations.md, "Backups")',
    );
  }
  const file = path.join(dir, fileName(ctx.now, 'backup'));
  const result = await recorded(ctx, 'create', file, async () => {
    const r = await writeBackup(ctx.deps, fileSink(file));
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
    if (keysDir) {
      const snapshot = await writeKeySnapshot(ctx.deps, path.join(keysDir, fileName(ctx.now, 'keys')));
      ctx.log.info(
        { file: snapshot.file, orgKeys: snapshot.orgKeys, size: snapshot.size, sha256: snapshot.sha256 },
        'key-store snapshot written',
      );
    }
    return r;
  });
  const pruned = await prune(await scheduledBackups(dir), keep);
  if (!keysDir) return { created: 1, bytes: result.size, pruned };
  const scheduledKeys = (await keySnapshotFiles(keysDir)).filter((f) => KEYS_FILE.test(path.basename(f)));
  return {
    created: 1,
    bytes: result.size,
    pruned,
    keySnapshots: 1,
    keySnapshotsPruned: await prune(scheduledKeys, keep),
  };
}

/**
 * The restore drill: verifies the newest backup end to end (every chunk, every checksum), loads its
 * database into a scratch one and compares the rows per table, and records it.
 */
export async function restoreDrill(ctx: JobContext): Promise<JobCounts> {
  const { dir } = ctx.deps.config.backup;
  if (!dir) return { disabled: 1 };
  const [newest] = await scheduledBackups(dir);
  const location = newest ?? dir;
  await recorded(ctx, 'verify', location, async () => {
    if (!newest) throw new Error(`no scheduled backup in ${dir}`);
    const started = Date.now();
    const report = await verifyBackup(newest, ctx.deps.config.backupKeys);
    const restored = await scratchRestore(ctx.deps, newest, report.manifest);
    const sha256 = await sha256Of(newest);
    const { size } = await stat(newest);
    ctx.log.info(
      { file: newest, durationMs: Date.now() - started, sha256, totals: report.manifest.totals, restored },
      'restore drill: backup verified and restored into a scratch database',
    );
    return { size, sha256 };
  });
  return { verified: 1 };
}

async function due(deps: Deps, kind: BackupRunKind, now: Date, everyMs: number): Promise<boolean> {
  const last = await transact(deps, { jobs: 'on' }, (tx) => lastBackupRun(tx, kind));
  return !last || now.getTime() - last.startedAt.getTime() >= everyMs;
}

/** Checked hourly; each does its work when BACKUP_DIR is set and its interval has passed since its last run. */
export const backupJobs: JobDefinition[] = [
  {
    name: 'backup.create',
    scope: 'global',
    schedule: { everyMs: HOUR_MS },
    run: async (ctx) => {
      const { dir, intervalHours } = ctx.deps.config.backup;
      if (!dir) return { disabled: 1 };
      if (!(await due(ctx.deps, 'create', ctx.now, intervalHours * HOUR_MS - 60_000))) return { due: 0 };
      return scheduledBackup(ctx);
    },
  },
  {
    name: 'backup.drill',
    scope: 'global',
    schedule: { everyMs: HOUR_MS },
    run: async (ctx) => {
      if (!ctx.deps.config.backup.dir) return { disabled: 1 };
      if (!(await due(ctx.deps, 'verify', ctx.now, 24 * HOUR_MS - 60_000))) return { due: 0 };
      return restoreDrill(ctx);
    },
  },
];

import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { transact } from '../../platform/context.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { signUpOrg } from '../../test/api.js';
import { type Harness, startHarness, TEST_MASTER_KEYS } from '../../test/harness.js';
import { ownDatabase } from '../../test/own-database.js';
import { backupJobs, restoreDrill, scheduledBackups } from './backup.jobs.js';
import { lastBackupRun } from './backup.runs.repo.js';

const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-backup-jobs-'));
let own: Awaited<ReturnType<typeof ownDatabase>>;
let h: Harness;
const at = (iso: string): JobContext => ({ deps: h.app.deps, now: new Date(iso), log: h.app.log });
const last = (kind: 'create' | 'verify') => transact(h.app.deps, { jobs: 'on' }, (tx) => lastBackupRun(tx, kind));
const job = (name: string) =>
  backupJobs.find((j) => j.name === name)! as Extract<(typeof backupJobs)[number], { scope: 'global' }>;

beforeAll(async () => {
  own = await ownDatabase('bk_jobs');
  h = await startHarness({
    ...own.env,
    MASTER_KEYS: TEST_MASTER_KEYS,
    BACKUP_KEYS: `1:${randomBytes(32).toString('base64')}`,
    BACKUP_DIR: dir,
    BACKUP_KEEP: '2',
    BACKUP_INTERVAL_HOURS: '6',
    OPERATOR_EMAIL: 'ops@example.com',
    WORKER: 'false',
  });
  await signUpOrg(h, 'Scheduled GmbH');
}, 120_000);

afterAll(async () => {
  await h?.close();
  await own?.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('scheduled backups and restore drills', () => {
  it('writes a backup when due, records and logs its size and checksum, and keeps only BACKUP_KEEP', async () => {
    expect(await job('backup.create').run(at('2027-01-01T00:00:00Z'))).toMatchObject({ created: 1, pruned: 0 });
    const run = await last('create');
    const [file] = await scheduledBackups(dir);
    expect(run).toMatchObject({ kind: 'create', ok: true, location: file, size: statSync(file!).size, error: null });
    expect(run!.sha256).toBe(createHash('sha256').update(readFileSync(file!)).digest('hex'));
    const line = await h.waitForLog((l) => l.includes('backup written'));
    expect(JSON.parse(line)).toMatchObject({ file, size: run!.size, sha256: run!.sha256 });
    expect(JSON.parse(line).durationMs).toBeGreaterThanOrEqual(0);

    // Within the interval nothing is taken; after it, one more each time, the oldest pruned beyond two.
    expect(await job('backup.create').run(at('2027-01-01T05:00:00Z'))).toEqual({ due: 0 });
    await job('backup.create').run(at('2027-01-01T06:00:00Z'));
    expect(await job('backup.create').run(at('2027-01-01T12:00:00Z'))).toMatchObject({ created: 1, pruned: 1 });
    expect(readdirSync(dir).sort()).toEqual(['deedbox-20270101T060000Z.backup', 'deedbox-20270101T120000Z.backup']);
    // Without BACKUP_KEYS_DIR no key-store snapshot is taken, and the log says so once.
    expect(h.logs.join('').match(/no key-store snapshot place is set/g)).toHaveLength(1);
  }, 120_000);

  it('verifies the newest backup in the drill, and alerts by log line and mail when it fails', async () => {
    expect(await restoreDrill(at('2027-01-01T13:00:00Z'))).toEqual({ verified: 1 });
    const [newest] = await scheduledBackups(dir);
    expect(await last('verify')).toMatchObject({ ok: true, location: newest });
    // The drill also loaded the backup into a scratch database and found the manifest's rows there.
    const drilled = JSON.parse(await h.waitForLog((l) => l.includes('restore drill: backup verified')));
    expect(drilled.restored.tables).toBeGreaterThan(40);
    expect(drilled.restored.rows).toBeGreaterThan(0);
    expect(await job('backup.drill').run(at('2027-01-01T14:00:00Z'))).toEqual({ due: 0 });

    const bytes = readFileSync(newest!);
    bytes[bytes.length - 30]! ^= 0x01;
    writeFileSync(newest!, bytes);
    await expect(job('backup.drill').run(at('2027-01-02T13:00:00Z'))).rejects.toThrow(/corrupted|does not open/);
    const failed = await last('verify');
    expect(failed).toMatchObject({ ok: false, location: newest });
    expect(failed!.error).toMatch(/corrupted|does not open/);
    expect(await h.waitForLog((l) => l.includes('"alert":"backup"') && l.includes('restore drill failed'))).toContain(
      '"level":50',
    );
    const mail = await h.sink.waitFor((m) => m.to.includes('ops@example.com'));
    expect(mail.subject).toMatch(/the restore drill failed/);
    const metrics = (await h.app.inject({ url: '/metrics', remoteAddress: '127.0.0.1' })).body;
    expect(metrics).toContain('deedbox_backup_last_run_failed{kind="verify"} 1');
    expect(metrics).toContain('deedbox_backup_last_run_failed{kind="create"} 0');
    expect(metrics).toContain(
      `deedbox_backup_last_success_timestamp_seconds{kind="create"} ${Date.parse('2027-01-01T12:00:00Z') / 1000}`,
    );
  }, 120_000);
});

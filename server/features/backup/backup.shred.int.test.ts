import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from '../../platform/jobs/job.js';
import { call, callerFrom, expectProblem, PASSWORD, signInAt } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { ownDatabase } from '../../test/own-database.js';
import { deleteOrganization, planDeletion } from '../retention/org-deletion.js';
import {
  backupCreateJob,
  type Org,
  type Own,
  openDeployment,
  sharedSecrets,
  twoOrgDeployment,
} from './backup.fixtures.js';
import { scheduledBackups } from './backup.jobs.js';
import { readKeyRows, readKeySnapshot } from './backup.keys.js';
import { withBackupPlace } from './backup.places.js';
import { restoreBackup } from './backup.restore.js';

const root = mkdtempSync(path.join(tmpdir(), 'deedbox-backup-shred-'));
const backupDir = path.join(root, 'backups');
const keysDir = path.join(root, 'key-snapshots');
const shared = sharedSecrets();
const owns: Own[] = [];
let h: Harness;
let a: Org;
let b: Org;

const own = async (name: string) => {
  const made = await ownDatabase(name);
  owns.push(made);
  return made;
};
const at = (iso: string): JobContext => ({ deps: h.app.deps, now: new Date(iso), log: h.app.log });
const keys = () => h.app.deps.config.backupKeys;
/** The snapshots kept in the folder, newest first, as a deletion finds them. */
const keySnapshotFiles = () =>
  withBackupPlace({ driver: 'local', dir: keysDir }, 'keys', async (place) => (await place.all()).map(place.where));
const orgIdsIn = async (file: string) => [...new Set((await readKeySnapshot(file, keys())).map((r) => r.org_id))];

beforeAll(async () => {
  const source = await own('bk_shred_src');
  ({ h, a, b } = await twoOrgDeployment(source, shared, { BACKUP_DIR: backupDir, BACKUP_KEYS_DIR: keysDir }));
}, 120_000);

afterAll(async () => {
  await h?.close();
  for (const made of owns) await made.drop();
  rmSync(root, { recursive: true, force: true });
});

describe('key-store snapshots with the scheduled backups', () => {
  it('takes one with every backup, apart from it, and prunes them like the backups', async () => {
    expect(await backupCreateJob.run(at('2027-03-01T00:00:00Z'))).toMatchObject({ created: 1, keySnapshots: 1 });
    expect(readdirSync(backupDir)).toEqual(['deedbox-20270301T000000Z.backup']);
    expect(readdirSync(keysDir)).toEqual(['deedbox-20270301T000000Z.keys']);
    const [snapshot] = await keySnapshotFiles();
    expect((await orgIdsIn(snapshot!)).sort()).toEqual([a.orgId, b.orgId].sort());
    const line = JSON.parse(await h.waitForLog((l) => l.includes('key-store snapshot written')));
    expect(line).toMatchObject({ file: snapshot, orgKeys: 2 });

    await backupCreateJob.run(at('2027-03-02T00:00:00Z'));
    expect(await backupCreateJob.run(at('2027-03-03T00:00:00Z'))).toMatchObject({ pruned: 1, keySnapshotsPruned: 1 });
    expect(readdirSync(keysDir).sort()).toEqual(['deedbox-20270302T000000Z.keys', 'deedbox-20270303T000000Z.keys']);
    expect(h.logs.join('').includes('no key-store snapshot place is set')).toBe(false);
  }, 120_000);

  it('deleting an org removes its keys from every kept snapshot, and a rerun after a failure completes that', async () => {
    const snapshots = await keySnapshotFiles();
    expect(snapshots).toHaveLength(2);
    expect((await planDeletion(h.app.deps, a.orgId)).counts.snapshotOrgKeys).toBe(2);

    // The first run stops at the snapshots (the disk refuses the rewrite of the newest one): the key
    // store is already without the org's keys, the snapshots still hold them.
    const deps = h.app.deps;
    const blocked = `${snapshots[0]}.rewrite.partial`;
    mkdirSync(blocked);
    await expect(deleteOrganization(deps, a.orgId, 'operator')).rejects.toThrow(/EISDIR|directory/i);
    rmSync(blocked, { recursive: true });
    expect((await readKeyRows(deps)).map((r) => r.org_id)).not.toContain(a.orgId);
    for (const file of snapshots) expect(await orgIdsIn(file)).toContain(a.orgId);

    const receipt = await deleteOrganization(deps, a.orgId, 'operator');
    expect(receipt.counts).toMatchObject({ snapshotOrgKeys: 2, documents: 1 });
    for (const file of snapshots) expect(await orgIdsIn(file)).toEqual([b.orgId]);
    expect(await keySnapshotFiles()).toEqual(snapshots);
  }, 120_000);

  it('the earlier data backup restored with the rewritten snapshot: the deleted org is there but unreadable, the other whole', async () => {
    const [newestBackup] = await scheduledBackups(backupDir);
    const [newestKeys] = await keySnapshotFiles();
    expect(path.basename(newestKeys!, '.keys')).toBe(path.basename(newestBackup!, '.backup'));

    const target = await own('bk_shred_dst');
    const deps = await openDeployment(target, shared);
    try {
      expect(await restoreBackup(deps, newestBackup!, newestKeys!)).toMatchObject({ restored: true, orgKeys: 1 });
    } finally {
      await deps.close();
    }
    const restored = await startHarness({ ...target.env, ...shared });
    try {
      // The deleted org's rows came back with the data backup, its documents do not open: a clear
      // problem (key_unavailable), no byte of the document, and the server carries on.
      const gone = callerFrom(await signInAt(restored, '10.9.2.1', a.email, PASSWORD));
      expect((await call(restored, gone, 'GET', `/contracts/${a.contractId}`)).statusCode).toBe(200);
      const refused = await call(restored, gone, 'GET', `/documents/${a.doc.id}/content`);
      expectProblem(refused, 500, 'key_unavailable');
      expect(refused.rawPayload.includes(a.doc.bytes.subarray(0, 64))).toBe(false);

      const kept = callerFrom(await signInAt(restored, '10.9.2.2', b.email, PASSWORD));
      const opened = await call(restored, kept, 'GET', `/documents/${b.doc.id}/content`);
      expect(opened.statusCode, opened.body).toBe(200);
      expect(opened.rawPayload.equals(b.doc.bytes)).toBe(true);
    } finally {
      await restored.close();
    }
  }, 120_000);
});

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '../../config.js';
import { transact } from '../../platform/context.js';
import type { JobContext } from '../../platform/jobs/job.js';
import { type BlobServer, startAzurite, startS3rver } from '../../test/blob-servers.js';
import type { Harness } from '../../test/harness.js';
import { ownDatabase } from '../../test/own-database.js';
import { deleteOrganization } from '../retention/org-deletion.js';
import {
  backupCreateJob,
  type Org,
  type Own,
  openDeployment,
  sharedSecrets,
  twoOrgDeployment,
} from './backup.fixtures.js';
import { restoreDrill } from './backup.jobs.js';
import { readKeySnapshot } from './backup.keys.js';
import { DOWNLOAD_PREFIX, withBackupPlace } from './backup.places.js';
import { restoreBackup } from './backup.restore.js';
import { lastBackupRun } from './backup.runs.repo.js';

const BACKUPS = 'deedbox-backups';
const SNAPSHOTS = 'deedbox-key-snapshots';
const shared = sharedSecrets();
let azurite: BlobServer<StorageConfig & { driver: 'azure' }>;
let s3rver: BlobServer<StorageConfig & { driver: 's3' }>;

beforeAll(async () => {
  [azurite, s3rver] = await Promise.all([startAzurite(), startS3rver([BACKUPS, SNAPSHOTS])]);
}, 60_000);
afterAll(async () => {
  await Promise.all([azurite?.stop(), s3rver?.stop()]);
});

/** The variables that send scheduled backups to each emulator. */
const drivers: [string, () => Record<string, string>][] = [
  ['azure', () => ({ BACKUP_STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: azurite.storage.connectionString })],
  [
    's3',
    () => ({
      BACKUP_STORAGE: 's3',
      S3_ENDPOINT: s3rver.storage.endpoint!,
      S3_ACCESS_KEY_ID: s3rver.storage.accessKeyId,
      S3_SECRET_ACCESS_KEY: s3rver.storage.secretAccessKey,
      S3_FORCE_PATH_STYLE: 'true',
    }),
  ],
];

const downloads = () => readdirSync(tmpdir()).filter((n) => n.startsWith(DOWNLOAD_PREFIX));

describe.each(drivers)('scheduled backups to %s', (driver, variables) => {
  let own: Own;
  let target: Own | undefined;
  let h: Harness;
  let a: Org;
  let b: Org;
  const at = (iso: string): JobContext => ({ deps: h.app.deps, now: new Date(iso), log: h.app.log });
  const last = (kind: 'create' | 'verify') => transact(h.app.deps, { jobs: 'on' }, (tx) => lastBackupRun(tx, kind));
  /** The names in a container, newest first, as the job sees them. */
  const names = (which: 'data' | 'keys') =>
    withBackupPlace(h.app.deps.config.backup[which]!, which === 'data' ? 'backup' : 'keys', (place) =>
      place.scheduled(),
    );
  const orgsIn = (name: string) =>
    withBackupPlace(h.app.deps.config.backup.keys!, 'keys', (place) =>
      place.withFile(name, async (file) =>
        [...new Set((await readKeySnapshot(file, h.app.deps.config.backupKeys)).map((r) => r.org_id))].sort(),
      ),
    );

  beforeAll(async () => {
    own = await ownDatabase(`bk_${driver}`);
    ({ h, a, b } = await twoOrgDeployment(own, shared, {
      ...variables(),
      BACKUP_CONTAINER: BACKUPS,
      BACKUP_KEYS_CONTAINER: SNAPSHOTS,
    }));
  }, 120_000);
  afterAll(async () => {
    await h?.close();
    await own?.drop();
    await target?.drop();
  });

  it('writes backups and key-store snapshots to their containers, records them, and prunes beyond BACKUP_KEEP', async () => {
    for (const day of ['01', '02', '03']) await backupCreateJob.run(at(`2027-04-${day}T00:00:00Z`));
    expect(await names('data')).toEqual(['deedbox-20270403t000000z', 'deedbox-20270402t000000z']);
    expect(await names('keys')).toEqual(['deedbox-20270403t000000z', 'deedbox-20270402t000000z']);
    const run = await last('create');
    expect(run).toMatchObject({ ok: true, location: `${driver}://${BACKUPS}/deedbox-20270403t000000z` });
    const bytes = await withBackupPlace(h.app.deps.config.backup.data!, 'backup', (place) =>
      place.withFile('deedbox-20270403t000000z', async (file) => readFileSync(file)),
    );
    expect(run).toMatchObject({ size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
    expect(await orgsIn('deedbox-20270403t000000z')).toEqual([a.orgId, b.orgId].sort());
    expect(downloads()).toEqual([]);
  }, 120_000);

  it('runs the restore drill on a download of the newest, removed after', async () => {
    expect(await restoreDrill(at('2027-04-03T01:00:00Z'))).toEqual({ verified: 1 });
    expect(await last('verify')).toMatchObject({
      ok: true,
      location: `${driver}://${BACKUPS}/deedbox-20270403t000000z`,
    });
    expect(downloads()).toEqual([]);
  }, 120_000);

  it('deleting an org rewrites the snapshots in the container; the backup restores with them', async () => {
    const receipt = await deleteOrganization(h.app.deps, a.orgId, 'operator');
    expect(receipt.counts.snapshotOrgKeys).toBe(2);
    for (const name of await names('keys')) expect(await orgsIn(name)).toEqual([b.orgId]);

    target = await ownDatabase(`bk_${driver}_dst`);
    const deps = await openDeployment(target, shared);
    try {
      const { data, keys } = h.app.deps.config.backup;
      const report = await withBackupPlace(data!, 'backup', (backups) =>
        backups.withFile('deedbox-20270403t000000z', (file) =>
          withBackupPlace(keys!, 'keys', (snapshots) =>
            snapshots.withFile('deedbox-20270403t000000z', (keysFile) => restoreBackup(deps, file, keysFile)),
          ),
        ),
      );
      // Both orgs' rows and documents, one org key: the deleted org's documents stay sealed.
      expect(report).toMatchObject({ restored: true, blobs: { written: 2 }, orgKeys: 1 });
    } finally {
      await deps.close();
    }
    expect(downloads()).toEqual([]);
  }, 120_000);
});

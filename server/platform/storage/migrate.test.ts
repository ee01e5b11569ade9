import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '../../config.js';
import { type BlobServer, startAzurite, startS3rver } from '../../test/blob-servers.js';
import { cliRunner } from '../../test/cli.js';
import type { BlobStore } from './blob-store.js';
import { createBlobStore } from './create-store.js';
import { localStore } from './local-store.js';
import { type MigrateCounts, migrateBlobs } from './migrate.js';

let azurite: BlobServer<StorageConfig & { driver: 'azure' }>;
let s3rver: BlobServer<StorageConfig & { driver: 's3' }>;
const folders: string[] = [];

beforeAll(async () => {
  [azurite, s3rver] = await Promise.all([startAzurite(), startS3rver(['deedbox-test', 'deedbox-cli'])]);
});
afterAll(async () => {
  await Promise.all([azurite?.stop(), s3rver?.stop()]);
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-migrate-'));
  folders.push(dir);
  return dir;
}

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());

/** Five blobs of assorted sizes (an empty one, one of 1 MiB) under two prefixes of a fresh namespace. */
async function fill(store: BlobStore): Promise<{ ns: string; blobs: Map<string, Buffer> }> {
  const ns = randomUUID();
  const blobs = new Map<string, Buffer>([
    [`${ns}/a/1`, randomBytes(1024 * 1024)],
    [`${ns}/a/2`, Buffer.alloc(0)],
    [`${ns}/a/3`, randomBytes(17)],
    [`${ns}/b/4`, randomBytes(70_000)],
    [`${ns}/b/5`, randomBytes(3)],
  ]);
  for (const [name, data] of blobs) await store.put(name, Readable.from([data]));
  return { ns, blobs };
}

async function expectHolds(store: BlobStore, blobs: Map<string, Buffer>) {
  for (const [name, data] of blobs) expect(sha256(await bytesOf(await store.get(name))), name).toBe(sha256(data));
}

const total = (blobs: Iterable<Buffer>) => [...blobs].reduce((sum, data) => sum + data.length, 0);

/** A real store that refuses every put after the first n, as a target that goes away mid-run. */
function failingAfter(store: BlobStore, n: number): BlobStore {
  let puts = 0;
  return {
    ...store,
    async put(name, body) {
      if (++puts > n) {
        body.destroy();
        throw new Error('target unreachable');
      }
      return store.put(name, body);
    },
  };
}

describe.each([
  ['s3rver', () => s3rver.storage],
  ['Azurite', () => azurite.storage],
] as const)('migrateBlobs from local disk to %s', (_label, target) => {
  it('copies every blob once, leaves the source whole, and copies nothing the second time', async () => {
    const from = localStore(folder());
    const to = await createBlobStore(target());
    try {
      const { ns, blobs } = await fill(from);
      const seen: string[] = [];
      const first = await migrateBlobs(from, to, { prefix: ns, onProgress: ({ name }) => seen.push(name) });
      expect(first).toEqual({ copied: 5, skipped: 0, bytes: total(blobs.values()) });
      expect(seen.sort()).toEqual([...blobs.keys()].sort());
      await expectHolds(to, blobs);
      await expectHolds(from, blobs);

      expect(await migrateBlobs(from, to, { prefix: ns })).toEqual({ copied: 0, skipped: 5, bytes: 0 });
    } finally {
      await to.close();
    }
  });

  it('resumes after a target that failed midway, and copies again a blob whose size differs', async () => {
    const from = localStore(folder());
    const to = await createBlobStore(target());
    try {
      const { ns, blobs } = await fill(from);
      await expect(migrateBlobs(from, failingAfter(to, 2), { prefix: ns })).rejects.toThrow('target unreachable');
      const landed: string[] = [];
      for await (const name of to.list(ns)) landed.push(name);
      expect(landed).toHaveLength(2);

      // A stale blob of another size in the target is replaced, not trusted.
      const stale = [...blobs.keys()].find((name) => !landed.includes(name) && blobs.get(name)!.length > 0)!;
      await to.put(stale, Readable.from([Buffer.from('stale')]));

      const progress: MigrateCounts[] = [];
      const resumed = await migrateBlobs(from, to, { prefix: ns, concurrency: 1, onProgress: (p) => progress.push(p) });
      const landedBytes = total(landed.map((name) => blobs.get(name)!));
      expect(resumed).toEqual({ copied: 3, skipped: 2, bytes: total(blobs.values()) - landedBytes });
      expect(progress.map(({ copied, skipped }) => copied + skipped)).toEqual([1, 2, 3, 4, 5]);
      await expectHolds(to, blobs);
    } finally {
      await to.close();
    }
  });
});

describe('migrateBlobs', () => {
  it('copies only under the prefix it is given', async () => {
    const from = localStore(folder());
    const to = localStore(folder());
    const { ns, blobs } = await fill(from);
    const underA = [...blobs.keys()].filter((name) => name.startsWith(`${ns}/a/`));
    expect(await migrateBlobs(from, to, { prefix: `${ns}/a` })).toMatchObject({ copied: underA.length, skipped: 0 });
    const copied: string[] = [];
    for await (const name of to.list('')) copied.push(name);
    expect(copied.sort()).toEqual(underA.sort());
  });
});

describe('deedbox storage migrate', () => {
  // Separate processes, as an operator runs it (from dist/ once built, else through tsx: slower).
  const { dataDir, deedboxWith } = cliRunner('storage-migrate');
  const s3Env = () => ({
    S3_ENDPOINT: s3rver.storage.endpoint!,
    S3_BUCKET: 'deedbox-cli',
    S3_ACCESS_KEY_ID: s3rver.storage.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3rver.storage.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  });
  const azureEnv = () => ({
    AZURE_STORAGE_CONNECTION_STRING: azurite.storage.connectionString,
    AZURE_STORAGE_CONTAINER: 'deedbox-cli',
  });

  it('copies the configured store to the other driver, printing progress and a summary', async () => {
    expect(dataDir).not.toBeNull();
    const { blobs } = await fill(localStore(path.join(dataDir!, 'blobs')));
    const bytes = total(blobs.values());
    const env = { ...s3Env(), ...azureEnv() };

    // The configured driver (local, by default) is the source; the target comes from the same variables.
    const toS3 = await deedboxWith(env, 'storage', 'migrate', '--to', 's3');
    expect(toS3.code, toS3.stderr).toBe(0);
    expect(JSON.parse(toS3.stdout)).toEqual({ from: 'local', to: 's3', copied: 5, skipped: 0, bytes });
    expect(toS3.stderr).toMatch(/^storage migrate: \d+ copied \(\d+ bytes\), \d+ already there$/m);

    // Switched to S3, the next move starts there.
    const toAzure = await deedboxWith({ ...env, STORAGE_DRIVER: 's3' }, 'storage', 'migrate', '--to', 'azure');
    expect(toAzure.code, toAzure.stderr).toBe(0);
    expect(JSON.parse(toAzure.stdout)).toEqual({ from: 's3', to: 'azure', copied: 5, skipped: 0, bytes });
    const container = await createBlobStore({ ...azurite.storage, container: 'deedbox-cli' });
    try {
      await expectHolds(container, blobs);
    } finally {
      await container.close();
    }
    for (const outcome of [toS3, toAzure]) {
      expect(outcome.stdout + outcome.stderr).not.toContain(azurite.storage.connectionString.split('AccountKey=')[1]);
    }
  }, 120_000);

  it('refuses to migrate onto the configured driver, or to a target without its settings', async () => {
    const [same, unset] = await Promise.all([
      deedboxWith({ ...s3Env(), STORAGE_DRIVER: 's3' }, 'storage', 'migrate', '--to', 's3'),
      deedboxWith({}, 'storage', 'migrate', '--to', 'azure'),
    ]);
    expect(same).toMatchObject({ code: 2, stdout: '' });
    expect(same.stderr).toMatch(/^deedbox: --to: blobs are already stored with s3/);
    expect(unset).toMatchObject({ code: 1, stdout: '' });
    expect(unset.stderr).toContain('AZURE_STORAGE_CONNECTION_STRING: required when STORAGE_DRIVER=azure');
  }, 120_000);
});

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  ContainerSASPermissions,
  generateBlobSASQueryParameters,
  StorageSharedKeyCredential,
} from '@azure/storage-blob';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorageConfig } from '../../config.js';
import { AZURITE_ACCOUNT, AZURITE_KEY, type BlobServer, startAzurite, startS3rver } from '../../test/blob-servers.js';
import { azureStore } from './azure-store.js';
import { BlobNotFoundError, type BlobStore } from './blob-store.js';
import { createBlobStore } from './create-store.js';
import { localStore } from './local-store.js';
import { s3Store } from './s3-store.js';

const MiB = 1024 * 1024;

let azurite: BlobServer<StorageConfig & { driver: 'azure' }>;
let s3rver: BlobServer<StorageConfig & { driver: 's3' }>;
const folder = mkdtempSync(path.join(tmpdir(), 'deedbox-blobs-'));

beforeAll(async () => {
  [azurite, s3rver] = await Promise.all([startAzurite(), startS3rver()]);
});
afterAll(async () => {
  await Promise.all([azurite?.stop(), s3rver?.stop()]);
  rmSync(folder, { recursive: true, force: true });
});

/** One contract, three drivers: each against the real thing (a folder, Azurite, s3rver). */
const drivers: [string, () => BlobStore | Promise<BlobStore>][] = [
  ['local', () => localStore(folder)],
  ['azure', () => createBlobStore(azurite.storage)],
  // Pages of two keys, so listing a handful of blobs already walks several pages.
  ['s3', () => s3Store({ ...s3rver.storage, listPageSize: 2 })],
];

/** The bytes as a stream of 64 KiB chunks, as an upload arrives. */
const streamOf = (data: Buffer) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < data.length; at += 64 * 1024) yield data.subarray(at, at + 64 * 1024);
    })(),
  );

/** A stream that delivers `chunks` and then breaks: with an error, or by closing before its end. */
function breaking(chunks: Buffer[], how: 'error' | 'close'): Readable {
  let next = 0;
  return new Readable({
    read() {
      const chunk = chunks[next++];
      if (chunk) this.push(chunk);
      else this.destroy(how === 'error' ? new Error('input cut off') : undefined);
    },
  });
}

const bytesOf = async (stream: Readable) => Buffer.concat(await stream.toArray());
const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
async function sha256Of(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(stream, hash);
  return hash.digest('hex');
}
async function namesUnder(store: BlobStore, prefix: string): Promise<string[]> {
  const names: string[] = [];
  for await (const name of store.list(prefix)) names.push(name);
  return names.sort();
}

describe.each(drivers)('the %s blob store', (kind, open) => {
  let store: BlobStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store?.close();
  });

  it('is the driver it says', () => {
    expect(store.kind).toBe(kind);
  });

  it('stores a few MB and reads them back whole and in ranges', async () => {
    // Past one Azure block (4 MiB) and one S3 part (5 MiB), and no multiple of either.
    const data = randomBytes(6 * MiB + 123);
    const name = `${randomUUID()}/content`;
    expect(await store.put(name, streamOf(data))).toEqual({ size: data.length });
    expect(await store.size(name)).toBe(data.length);
    expect(await sha256Of(await store.get(name))).toBe(sha256(data));

    const last = data.length - 1;
    const ranges = [
      { start: 0, end: 0 },
      { start: 4 * MiB - 7, end: 4 * MiB + 8 },
      { start: last, end: last },
      { start: 0, end: last },
    ];
    for (const range of ranges) {
      const read = await bytesOf(await store.get(name, range));
      expect(read.length, JSON.stringify(range)).toBe(range.end - range.start + 1);
      expect(sha256(read), JSON.stringify(range)).toBe(sha256(data.subarray(range.start, range.end + 1)));
    }
  });

  it('stores an empty blob', async () => {
    const name = `${randomUUID()}/empty`;
    expect(await store.put(name, Readable.from([]))).toEqual({ size: 0 });
    expect(await store.size(name)).toBe(0);
    expect(await bytesOf(await store.get(name))).toEqual(Buffer.alloc(0));
  });

  it('answers a missing blob with null for its size and BlobNotFoundError for its bytes', async () => {
    const name = `${randomUUID()}/missing`;
    expect(await store.size(name)).toBeNull();
    await expect(store.get(name)).rejects.toEqual(new BlobNotFoundError(name));
    await expect(store.get(name, { start: 0, end: 10 })).rejects.toBeInstanceOf(BlobNotFoundError);
  });

  it('deletes, and deleting again or deleting what never was is no error', async () => {
    const name = `${randomUUID()}/doomed`;
    await store.put(name, streamOf(Buffer.from('short-lived')));
    await store.delete(name);
    expect(await store.size(name)).toBeNull();
    await expect(store.get(name)).rejects.toBeInstanceOf(BlobNotFoundError);
    await expect(store.delete(name)).resolves.toBeUndefined();
    await expect(store.delete(`${randomUUID()}/never`)).resolves.toBeUndefined();
  });

  it('lists the names under a prefix, by whole name parts', async () => {
    const ns = randomUUID();
    const names = [`${ns}/a/1`, `${ns}/a/2`, `${ns}/a/3`, `${ns}/ab/4`, `${ns}/b`];
    for (const name of names) await store.put(name, streamOf(Buffer.from(name)));
    expect(await namesUnder(store, `${ns}/a`)).toEqual([`${ns}/a/1`, `${ns}/a/2`, `${ns}/a/3`]);
    expect(await namesUnder(store, `${ns}/a/`)).toEqual([`${ns}/a/1`, `${ns}/a/2`, `${ns}/a/3`]);
    expect(await namesUnder(store, ns)).toEqual(names);
    expect(await namesUnder(store, `${ns}/c`)).toEqual([]);
    expect(await namesUnder(store, `${ns}/b`)).toEqual([]);
    expect(await namesUnder(store, '')).toEqual(expect.arrayContaining(names));
  });

  it.each(['error', 'close'] as const)('leaves nothing when the input breaks halfway (%s)', async (how) => {
    const ns = randomUUID();
    const name = `${ns}/broken`;
    // 6 MiB reach the store first: a whole Azure block and a whole S3 part are already uploaded.
    const put = store.put(name, breaking([randomBytes(3 * MiB), randomBytes(3 * MiB)], how));
    await expect(put).rejects.toThrow(how === 'error' ? 'input cut off' : 'Premature close');
    expect(await store.size(name)).toBeNull();
    await expect(store.get(name)).rejects.toBeInstanceOf(BlobNotFoundError);
    expect(await namesUnder(store, ns)).toEqual([]);
  });

  it('refuses names that are not ours', async () => {
    const bad = ['', 'A', '../x', 'a/../b', '/a', 'a/', 'a//b', 'a b', 'a\u0000b', 'a.b', `${'x'.repeat(201)}`];
    for (const name of bad) {
      await expect(store.put(name, Readable.from([Buffer.from('x')])), name).rejects.toThrow('Invalid blob name');
      await expect(store.get(name), name).rejects.toThrow('Invalid blob name');
      await expect(store.size(name), name).rejects.toThrow('Invalid blob name');
      await expect(store.delete(name), name).rejects.toThrow('Invalid blob name');
    }
    await expect(namesUnder(store, '../')).rejects.toThrow('Invalid blob name');
  });
});

describe('the azure blob store with a connection string scoped to its container', () => {
  it('works in a container it may not create, as a shared access signature allows', async () => {
    const storage = { ...azurite.storage, container: 'deedbox-sas' };
    const owner = await createBlobStore(storage);
    try {
      await owner.put('made/by-owner', streamOf(Buffer.from('owner')));
      const sas = generateBlobSASQueryParameters(
        {
          containerName: storage.container,
          permissions: ContainerSASPermissions.parse('rcwdl'),
          expiresOn: new Date(Date.now() + 60 * 60 * 1000),
        },
        new StorageSharedKeyCredential(AZURITE_ACCOUNT, AZURITE_KEY),
      ).toString();
      const endpoint = /BlobEndpoint=([^;]+)/.exec(storage.connectionString)![1];
      const scoped = azureStore({
        connectionString: `BlobEndpoint=${endpoint};SharedAccessSignature=${sas}`,
        container: storage.container,
      });
      expect(await scoped.put('made/by-sas', streamOf(Buffer.from('sas')))).toEqual({ size: 3 });
      expect(await namesUnder(scoped, 'made')).toEqual(['made/by-owner', 'made/by-sas']);
      await scoped.close();
    } finally {
      await owner.close();
    }
  });
});

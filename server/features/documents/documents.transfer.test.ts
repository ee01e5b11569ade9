import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { localStore } from '../../platform/storage/local-store.js';
import { receive } from './documents.receive.js';

const MIB = 1024 * 1024;
const key = randomBytes(32);
const context = 'test/documents.transfer';
let dir: string;
let store: BlobStore;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'deedbox-transfer-'));
  store = localStore(dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** The bytes in pieces of `piece` bytes, as a socket hands them over. */
const inPieces = (bytes: Buffer, piece: number) =>
  Readable.from(
    (function* () {
      for (let at = 0; at < bytes.length; at += piece) yield bytes.subarray(at, at + piece);
    })(),
  );

describe('receiving an upload', () => {
  const content = randomBytes(3 * MIB + 12_345);

  it('refuses a file over the limit and keeps no blob of it', async () => {
    await expect(
      receive(inPieces(content, 60_000), { store, blobName: 'transfer/over', key, context, maxBytes: 2 * MIB }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await store.size('transfer/over')).toBeNull();
  });
});

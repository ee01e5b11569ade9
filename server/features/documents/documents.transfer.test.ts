import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealedSource } from '../../platform/files/sealed-source.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { localStore } from '../../platform/storage/local-store.js';
import { openSealed } from './documents.content.js';
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

async function chunksOf(stream: Readable): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return chunks;
}

describe('a large upload and its download', () => {
  const content = randomBytes(3 * MIB + 12_345);

  it('stores and gives back every byte of a file several MiB long, and sends it in about 1 MiB writes', async () => {
    const received = await receive(inPieces(content, 60_000), {
      store,
      blobName: 'transfer/whole',
      key,
      context,
      maxBytes: 4 * MIB,
    });
    expect(received).not.toHaveProperty('file');
    expect(received.size).toBe(content.length);
    expect(received.sha256).toBe(createHash('sha256').update(content).digest('hex'));
    // Only ciphertext reached the disk: no piece of the content is in the blob.
    const stored = await readFile(path.join(dir, 'transfer', 'whole'));
    expect(stored.length).toBe(received.sealedSize);
    for (let at = 0; at < content.length; at += 100_000)
      expect(stored.includes(content.subarray(at, at + 32))).toBe(false);
    const sealed = {
      store,
      blobName: 'transfer/whole',
      key,
      context,
      size: received.size,
      sealedSize: received.sealedSize,
    };
    const chunks = await chunksOf(await openSealed(sealed));
    expect(Buffer.concat(chunks).equals(content)).toBe(true);
    // 49 sealed chunks of 64 KiB go out in at most 4 writes, not 49.
    expect(chunks.length).toBeLessThanOrEqual(4);

    const range = Buffer.concat(await chunksOf(await openSealed(sealed, { from: MIB - 5, to: 2 * MIB + 70_000 })));
    expect(range.equals(content.subarray(MIB - 5, 2 * MIB + 70_001))).toBe(true);

    // What the upload policy reads instead of a plaintext copy.
    const source = await sealedSource(sealed);
    expect((await source.read(MIB - 5, 70_000)).equals(content.subarray(MIB - 5, MIB + 69_995))).toBe(true);
    expect((await source.read(content.length - 100, 1000)).equals(content.subarray(-100))).toBe(true);
  });

  it('refuses a file over the limit and keeps no blob of it', async () => {
    await expect(
      receive(inPieces(content, 60_000), { store, blobName: 'transfer/over', key, context, maxBytes: 2 * MIB }),
    ).rejects.toMatchObject({ code: 'payload_too_large' });
    expect(await store.size('transfer/over')).toBeNull();
  });
});

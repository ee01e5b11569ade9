import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { memoryStore } from '../../test/memory-store.js';
import { HEADER_LENGTH, IntegrityError, sealBuffer, TAG_LENGTH } from '../crypto/seal.js';
import { sealedSource } from './sealed-source.js';

const key = randomBytes(32);
const context = 'blob:test';
const CHUNK = 1024;

/** Seals the bytes into a fresh in-memory store, changed by `tamper` if given, as an upload records them. */
function storedBlob(plain: Buffer, chunkSize = CHUNK, tamper?: (sealed: Buffer) => Buffer) {
  const store = memoryStore();
  const sealed = sealBuffer(key, context, plain, { chunkSize });
  const stored = tamper ? tamper(Buffer.from(sealed)) : sealed;
  store.blobs.set('blob', stored);
  return { store, blobName: 'blob', key, context, size: plain.length, sealedSize: stored.length };
}

async function sourceOf(plain: Buffer, chunkSize = CHUNK, tamper?: (sealed: Buffer) => Buffer) {
  const blob = storedBlob(plain, chunkSize, tamper);
  return { source: await sealedSource(blob), store: blob.store };
}

async function collect(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part);
  return Buffer.concat(parts);
}

const recordAt = (index: number, chunkSize = CHUNK) => HEADER_LENGTH + index * (chunkSize + TAG_LENGTH);

describe('sealedSource', () => {
  const plain = randomBytes(10 * CHUNK + 300);

  it('reads within a chunk, across chunk boundaries and across many chunks', async () => {
    const { source } = await sourceOf(plain);
    const reads: [number, number][] = [
      [0, 1],
      [0, CHUNK],
      [CHUNK - 1, 2],
      [CHUNK - 3, CHUNK + 6],
      [5 * CHUNK, CHUNK],
      [123, 7 * CHUNK + 5],
      [0, plain.length],
    ];
    for (const [at, length] of reads)
      expect((await source.read(at, length)).equals(plain.subarray(at, at + length))).toBe(true);
    for (let n = 0; n < 200; n++) {
      const at = (n * 7919) % plain.length;
      const length = (n * 104729) % (3 * CHUNK);
      expect((await source.read(at, length)).equals(plain.subarray(at, at + length))).toBe(true);
    }
  });

  it('returns fewer bytes at the end and none past it', async () => {
    const { source } = await sourceOf(plain);
    expect(source.size).toBe(plain.length);
    expect((await source.read(plain.length - 5, 100)).equals(plain.subarray(-5))).toBe(true);
    expect((await source.read(10 * CHUNK, 1000)).equals(plain.subarray(10 * CHUNK))).toBe(true);
    expect((await source.read(plain.length, 10)).length).toBe(0);
    expect((await source.read(plain.length + CHUNK * 3, 10)).length).toBe(0);
    expect((await source.read(7, 0)).length).toBe(0);
    await expect(source.read(-1, 10)).rejects.toThrow(RangeError);
  });

  it('reads a file of an exact multiple of the chunk size, whose final chunk is full', async () => {
    const exact = randomBytes(4 * CHUNK);
    const { source } = await sourceOf(exact);
    expect((await source.read(3 * CHUNK, CHUNK)).equals(exact.subarray(3 * CHUNK))).toBe(true);
    expect((await source.read(CHUNK - 1, 2 * CHUNK + 2)).equals(exact.subarray(CHUNK - 1, 3 * CHUNK + 1))).toBe(true);
    expect((await source.read(4 * CHUNK - 1, 10)).equals(exact.subarray(-1))).toBe(true);
    expect((await source.read(4 * CHUNK, 10)).length).toBe(0);
    expect((await collect(source.stream!(0, exact.length))).equals(exact)).toBe(true);
  });

  it('reads an empty file as empty, without asking the store for more than the header', async () => {
    const { source, store } = await sourceOf(Buffer.alloc(0));
    expect(source.size).toBe(0);
    expect((await source.read(0, 100)).length).toBe(0);
    expect((await collect(source.stream!(0, 100))).length).toBe(0);
    expect(store.gets).toBe(1);
  });

  it('streams any range with one store request, the same bytes reads give', async () => {
    const { source, store } = await sourceOf(plain);
    const before = store.gets;
    expect(
      (await collect(source.stream!(CHUNK - 10, 5 * CHUNK))).equals(plain.subarray(CHUNK - 10, 6 * CHUNK - 10)),
    ).toBe(true);
    expect((await collect(source.stream!(0, plain.length + 50))).equals(plain)).toBe(true);
    expect(store.gets - before).toBe(2);
  });

  it('fetches one ranged get per run of chunks it does not hold, and keeps opened chunks for the next reads', async () => {
    const { source, store } = await sourceOf(plain);
    const before = store.gets;
    await source.read(4 * CHUNK + 10, 10);
    expect(store.gets - before).toBe(1);
    await source.read(4 * CHUNK + 500, 100);
    expect(store.gets - before).toBe(1);
    // Chunks 0–3 and 5–8 are missing around the one held: two requests.
    expect((await source.read(0, 9 * CHUNK)).equals(plain.subarray(0, 9 * CHUNK))).toBe(true);
    expect(store.gets - before).toBe(3);
    await source.read(2 * CHUNK, 3 * CHUNK);
    expect(store.gets - before).toBe(3);
  });

  it('reads in order with one request per MiB and holds about 2 MiB of opened chunks', async () => {
    const big = randomBytes(5 * 1024 * 1024 + 7);
    const { source, store } = await sourceOf(big, 64 * 1024);
    const before = store.gets;
    for (let at = 0; at < big.length; at += 4096) {
      expect((await source.read(at, 4096)).equals(big.subarray(at, at + 4096))).toBe(true);
    }
    // The first read fetches its chunk alone; the 80 after it come 16 at a time.
    expect(store.gets - before).toBeLessThanOrEqual(7);
    const afterScan = store.gets;
    await source.read(big.length - 10, 10);
    expect(store.gets).toBe(afterScan);
    await source.read(0, 10);
    expect(store.gets).toBe(afterScan + 1);
  });

  it('throws on a tampered chunk, and still reads the chunks before it', async () => {
    const { source } = await sourceOf(plain, CHUNK, (sealed) => {
      sealed[recordAt(3) + 17] = sealed[recordAt(3) + 17]! ^ 1;
      return sealed;
    });
    expect((await source.read(0, 3 * CHUNK)).equals(plain.subarray(0, 3 * CHUNK))).toBe(true);
    await expect(source.read(3 * CHUNK + 100, 1)).rejects.toMatchObject({
      name: 'IntegrityError',
      check: 'tag',
      chunk: 3,
    });
    await expect(source.read(0, plain.length)).rejects.toThrow(IntegrityError);
    await expect(collect(source.stream!(0, plain.length))).rejects.toThrow(IntegrityError);
  });

  it('throws on chunks swapped in place, since each is bound to its index', async () => {
    const { source } = await sourceOf(plain, CHUNK, (sealed) => {
      const one = Buffer.from(sealed.subarray(recordAt(1), recordAt(2)));
      sealed.copy(sealed, recordAt(1), recordAt(2), recordAt(3));
      one.copy(sealed, recordAt(2));
      return sealed;
    });
    await expect(source.read(CHUNK, 10)).rejects.toMatchObject({ check: 'tag', chunk: 1 });
  });

  it('throws on a blob cut at a chunk boundary, since only the last chunk is sealed as final', async () => {
    const blob = storedBlob(plain.subarray(0, 4 * CHUNK + 1), CHUNK, (sealed) => sealed.subarray(0, recordAt(4)));
    // Recorded as the 4-chunk file the cut blob looks like: chunk 3 was sealed as not final.
    const source = await sealedSource({ ...blob, size: 4 * CHUNK });
    expect((await source.read(0, 10)).equals(plain.subarray(0, 10))).toBe(true);
    await expect(source.read(3 * CHUNK, 1)).rejects.toMatchObject({ check: 'truncated', chunk: 3 });
  });

  it('refuses a recorded size that does not fit the sealed size, and a blob cut in the store', async () => {
    const blob = storedBlob(plain);
    const sealed = blob.store.blobs.get('blob')!;
    await expect(sealedSource({ ...blob, size: plain.length - 1 })).rejects.toMatchObject({ check: 'truncated' });
    const source = await sealedSource(blob);
    blob.store.blobs.set('blob', sealed.subarray(0, sealed.length - 100));
    await expect(source.read(plain.length - 1, 1)).rejects.toMatchObject({ check: 'truncated' });
    await expect(sealedSource({ ...blob, key: randomBytes(32) }).then((s) => s.read(0, 1))).rejects.toMatchObject({
      check: 'tag',
    });
  });
});

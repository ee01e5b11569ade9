import { randomBytes } from 'node:crypto';
import { Readable, type Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHUNK_SIZE,
  HEADER_LENGTH,
  IntegrityError,
  openBuffer,
  openStream,
  sealBuffer,
  sealStream,
  sealStreamWithSaltForTests,
  TAG_LENGTH,
} from './seal.js';
import { openChunkAt, plaintextLength, sealedRange } from './seal-range.js';

const key = randomBytes(32);
const context = 'org-1/doc-1/1';
const CHUNK = 64;
const RECORD = CHUNK + TAG_LENGTH;

/** A small deterministic generator (mulberry32), so random-looking cases repeat on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

function bytes(length: number, seed = length): Buffer {
  const next = seeded(seed);
  return Buffer.from(Array.from({ length }, () => Math.floor(next() * 256)));
}

function pieces(data: Buffer, sizeOf: () => number): Buffer[] {
  const out: Buffer[] = [];
  for (let offset = 0; offset < data.length; ) {
    const size = Math.max(1, sizeOf());
    out.push(data.subarray(offset, offset + size));
    offset += size;
  }
  return out;
}

/** Runs input pieces through a Transform; returns what came out and the error, if any. */
async function run(stream: Transform, input: Buffer[]): Promise<{ output: Buffer; error?: unknown }> {
  const out: Buffer[] = [];
  const sink = new Writable({
    write(piece: Buffer, _encoding, done) {
      out.push(piece);
      done();
    },
  });
  try {
    await pipeline(Readable.from(input, { objectMode: false }), stream, sink);
    return { output: Buffer.concat(out) };
  } catch (error) {
    return { output: Buffer.concat(out), error };
  }
}

/** Opens with both the buffer and the stream opener and expects the same IntegrityError from both. */
async function expectBroken(sealed: Buffer, check: IntegrityError['check'], message: RegExp, ctx = context, k = key) {
  let thrown: unknown;
  try {
    openBuffer(k, ctx, sealed);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(IntegrityError);
  expect((thrown as IntegrityError).check).toBe(check);
  expect((thrown as IntegrityError).message).toMatch(message);

  const streamed = await run(
    openStream(k, ctx),
    pieces(sealed, () => 7),
  );
  expect(streamed.error).toBeInstanceOf(IntegrityError);
  expect((streamed.error as IntegrityError).check).toBe(check);
  expect((streamed.error as IntegrityError).message).toMatch(message);
  return streamed.output;
}

function flip(sealed: Buffer, at: number): Buffer {
  const copy = Buffer.from(sealed);
  copy[at]! ^= 0x01;
  return copy;
}

const chunkStart = (index: number) => HEADER_LENGTH + index * RECORD;

describe('sealing format: round trips', () => {
  it.each([0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, 3 * CHUNK + 5])('round-trips %i bytes', async (size) => {
    const plain = bytes(size);
    const sealed = sealBuffer(key, context, plain, { chunkSize: CHUNK });
    const records = Math.max(1, Math.ceil(size / CHUNK));
    // An exact multiple ends on a full chunk flagged final: no extra empty chunk.
    expect(sealed.length).toBe(HEADER_LENGTH + size + records * TAG_LENGTH);
    expect(openBuffer(key, context, sealed)).toEqual(plain);
    expect((await run(openStream(key, context), [sealed])).output).toEqual(plain);
    const streamed = await run(sealStream(key, context, { chunkSize: CHUNK }), [plain]);
    expect(streamed.output.length).toBe(sealed.length);
    expect(openBuffer(key, context, streamed.output)).toEqual(plain);
  });

  it('round-trips random sizes and chunk sizes (fixed seed)', () => {
    const next = seeded(11);
    for (let i = 0; i < 200; i++) {
      const chunkSize = 1 + Math.floor(next() * 300);
      const plain = bytes(Math.floor(next() * 2000), i);
      const sealed = sealBuffer(key, `ctx-${i}`, plain, { chunkSize });
      expect(openBuffer(key, `ctx-${i}`, sealed)).toEqual(plain);
    }
  });

  it('uses 64 KiB chunks by default and seals the same plaintext differently each time', () => {
    const sealed = sealBuffer(key, context, bytes(10));
    expect(sealed.subarray(0, 5)).toEqual(Buffer.from([0x44, 0x42, 0x58, 0x31, 1]));
    expect(sealed.readUInt32BE(5)).toBe(DEFAULT_CHUNK_SIZE);
    expect(sealBuffer(key, context, bytes(10))).not.toEqual(sealed);
  });

  it('an empty file is one final authenticated chunk', async () => {
    const sealed = sealBuffer(key, context, Buffer.alloc(0), { chunkSize: CHUNK });
    expect(sealed.length).toBe(HEADER_LENGTH + TAG_LENGTH);
    await expectBroken(sealed.subarray(0, HEADER_LENGTH), 'truncated', /truncated: chunk 0 is incomplete/);
    await expectBroken(flip(sealed, HEADER_LENGTH), 'tag', /tag mismatch at chunk 0/);
  });

  it('streams in pieces of any size give the same bytes as one write', async () => {
    const plain = bytes(5 * CHUNK + 17);
    const salt = randomBytes(32);
    const seal = () => sealStreamWithSaltForTests(key, context, CHUNK, salt);
    const whole = (await run(seal(), [plain])).output;
    const next = seeded(3);
    for (const sizeOf of [() => 1, () => 7, () => CHUNK, () => CHUNK + 1, () => Math.floor(next() * 200)]) {
      expect((await run(seal(), pieces(plain, sizeOf))).output).toEqual(whole);
      expect((await run(openStream(key, context), pieces(whole, sizeOf))).output).toEqual(plain);
    }
    expect(openBuffer(key, context, whole)).toEqual(plain);
  });

  it('refuses keys that are not 32 bytes and chunk sizes out of range', () => {
    expect(() => sealBuffer(randomBytes(16), context, bytes(1))).toThrow(/32 bytes/);
    expect(() => sealBuffer(key, context, bytes(1), { chunkSize: 0 })).toThrow(/chunk size/);
    expect(() => sealBuffer(key, context, bytes(1), { chunkSize: 32 * 1024 * 1024 })).toThrow(/chunk size/);
  });
});

describe('sealing format: every tamper case fails with IntegrityError', () => {
  const plain = bytes(3 * CHUNK + 10, 99);
  const sealed = sealBuffer(key, context, plain, { chunkSize: CHUNK });
  const record = (index: number) => sealed.subarray(chunkStart(index), chunkStart(index + 1));

  it('a flipped bit in the magic, version, chunk size or salt of the header', async () => {
    await expectBroken(flip(sealed, 0), 'header', /bad header: not a sealed blob/);
    await expectBroken(flip(sealed, 4), 'version', /unsupported sealing format version 0/);
    // A chunk size of 65 instead of 64 moves every record boundary: the first tag no longer matches.
    await expectBroken(flip(sealed, 8), 'tag', /tag mismatch at chunk 0/);
    await expectBroken(flip(sealed, 5), 'header', /chunk size \d+ out of range/);
    await expectBroken(flip(sealed, 20), 'tag', /tag mismatch at chunk 0/);
  });

  it('a flipped bit in a chunk body or its tag, and nothing of that chunk is emitted', async () => {
    const emitted = await expectBroken(flip(sealed, chunkStart(2) + 3), 'tag', /tag mismatch at chunk 2/);
    // Chunks 0 and 1 verified and went out; not one byte of chunk 2 did.
    expect(emitted).toEqual(plain.subarray(0, 2 * CHUNK));
    await expectBroken(flip(sealed, chunkStart(1) - 1), 'tag', /tag mismatch at chunk 0/);
    await expectBroken(flip(sealed, sealed.length - 1), 'tag', /tag mismatch at chunk 3/);
  });

  it('truncation at a chunk boundary, mid-chunk, mid-tag, and to the header or to nothing', async () => {
    await expectBroken(sealed.subarray(0, chunkStart(3)), 'truncated', /ends after chunk 2 without a final chunk/);
    await expectBroken(sealed.subarray(0, chunkStart(1)), 'truncated', /ends after chunk 0 without a final chunk/);
    const emitted = await expectBroken(sealed.subarray(0, chunkStart(2) + 20), 'tag', /tag mismatch at chunk 2/);
    expect(emitted).toEqual(plain.subarray(0, 2 * CHUNK));
    await expectBroken(sealed.subarray(0, chunkStart(3) + 5), 'truncated', /truncated: chunk 3 is incomplete/);
    await expectBroken(sealed.subarray(0, sealed.length - 1), 'tag', /tag mismatch at chunk 3/);
    await expectBroken(sealed.subarray(0, HEADER_LENGTH), 'truncated', /chunk 0 is incomplete/);
    await expectBroken(sealed.subarray(0, 10), 'header', /bad header: truncated/);
    await expectBroken(Buffer.alloc(0), 'header', /bad header: truncated/);
  });

  it('trailing data after the final chunk', async () => {
    // After a full final chunk the record boundary is known, so the check is named exactly.
    const full = sealBuffer(key, context, bytes(2 * CHUNK), { chunkSize: CHUNK });
    await expectBroken(Buffer.concat([full, Buffer.from([0])]), 'trailing', /trailing data after the final chunk 1/);
    await expectBroken(Buffer.concat([full, randomBytes(RECORD + 3)]), 'trailing', /after the final chunk 1/);
    // After a short final chunk the extra bytes become part of that record: its tag no longer matches.
    await expectBroken(Buffer.concat([sealed, Buffer.from([0])]), 'tag', /tag mismatch at chunk 3/);
    await expectBroken(Buffer.concat([sealed, record(3)]), 'tag', /tag mismatch at chunk 3/);
    await expectBroken(Buffer.concat([sealed, randomBytes(RECORD)]), 'tag', /tag mismatch at chunk 3/);
  });

  it('two chunks reordered, a chunk repeated or dropped', async () => {
    const header = sealed.subarray(0, HEADER_LENGTH);
    await expectBroken(Buffer.concat([header, record(1), record(0), record(2), record(3)]), 'tag', /chunk 0/);
    await expectBroken(Buffer.concat([header, record(0), record(0), record(2), record(3)]), 'tag', /chunk 1/);
    await expectBroken(Buffer.concat([header, record(0), record(2), record(3)]), 'tag', /chunk 1/);
  });

  it('a chunk from another file or another version under the same key', async () => {
    const header = sealed.subarray(0, HEADER_LENGTH);
    for (const other of ['org-1/doc-2/1', 'org-1/doc-1/2']) {
      const foreign = sealStreamWithSaltForTests(key, other, CHUNK, header.subarray(9));
      const foreignSealed = (await run(foreign, [plain])).output;
      const swapped = Buffer.concat([
        header,
        record(0),
        foreignSealed.subarray(chunkStart(1), chunkStart(2)),
        record(2),
        record(3),
      ]);
      await expectBroken(swapped, 'tag', /tag mismatch at chunk 1/);
    }
  });

  it('the whole blob opened with another context or another key', async () => {
    await expectBroken(sealed, 'tag', /tag mismatch at chunk 0/, 'org-1/doc-2/1');
    await expectBroken(sealed, 'tag', /tag mismatch at chunk 0/, 'org-1/doc-1/2');
    await expectBroken(sealed, 'tag', /tag mismatch at chunk 0/, context, randomBytes(32));
  });
});

describe('sealing format: constant memory', () => {
  it('seals and opens a 64 MiB stream holding about one chunk at a time', async () => {
    const total = 64 * 1024 * 1024;
    const block = bytes(DEFAULT_CHUNK_SIZE, 5);
    const next = seeded(17);
    function* source() {
      for (let sent = 0; sent < total; ) {
        const size = Math.min(total - sent, 1 + Math.floor(next() * DEFAULT_CHUNK_SIZE));
        yield block.subarray(0, size);
        sent += size;
      }
    }
    const sealer = sealStream(key, context) as Transform & { bufferedPlaintext: number };
    const opener = openStream(key, context) as Transform & { bufferedSealed: number };
    let peak = 0;
    let opened = 0;
    const sink = new Writable({
      write(piece: Buffer, _encoding, done) {
        opened += piece.length;
        const held =
          sealer.writableLength +
          sealer.readableLength +
          sealer.bufferedPlaintext +
          opener.writableLength +
          opener.readableLength +
          opener.bufferedSealed;
        peak = Math.max(peak, held);
        done();
      },
    });
    await pipeline(Readable.from(source()), sealer, opener, sink);
    expect(opened).toBe(total);
    // Each stage holds at most its one chunk plus one queued piece on each side: far below the 64 MiB.
    expect(peak).toBeLessThanOrEqual(8 * (DEFAULT_CHUNK_SIZE + TAG_LENGTH) + HEADER_LENGTH);
  });
});

describe('sealing format: ranges', () => {
  it('finds and opens the records holding any plaintext range (fixed seed)', () => {
    const next = seeded(23);
    for (let i = 0; i < 300; i++) {
      const size = 1 + Math.floor(next() * 5 * CHUNK);
      const plain = bytes(size, i);
      const sealed = sealBuffer(key, context, plain, { chunkSize: CHUNK });
      expect(plaintextLength(sealed.length, CHUNK)).toBe(size);
      const from = Math.floor(next() * size);
      const to = from + Math.floor(next() * (size - from));
      const range = sealedRange(CHUNK, size, from, to);
      const header = sealed.subarray(0, HEADER_LENGTH);
      const lastChunk = Math.ceil(size / CHUNK) - 1;
      const opened: Buffer[] = [];
      for (let index = range.firstChunk; index <= range.lastChunk; index++) {
        const start = range.start + (index - range.firstChunk) * RECORD;
        const record = sealed.subarray(start, Math.min(start + RECORD, range.end));
        opened.push(openChunkAt(key, context, header, index, index === lastChunk, record));
      }
      expect(Buffer.concat(opened).subarray(range.skip, range.skip + range.length)).toEqual(
        plain.subarray(from, to + 1),
      );
      expect(range.end).toBeLessThanOrEqual(sealed.length);
    }
  });

  it('a record opened at another index, or as final when it is not, fails', () => {
    const sealed = sealBuffer(key, context, bytes(3 * CHUNK), { chunkSize: CHUNK });
    const header = sealed.subarray(0, HEADER_LENGTH);
    const record1 = sealed.subarray(chunkStart(1), chunkStart(2));
    expect(openChunkAt(key, context, header, 1, false, record1)).toEqual(bytes(3 * CHUNK).subarray(CHUNK, 2 * CHUNK));
    expect(() => openChunkAt(key, context, header, 2, false, record1)).toThrow(/tag mismatch at chunk 2/);
    expect(() => openChunkAt(key, context, header, 1, true, record1)).toThrow(/ends after chunk 1/);
  });

  it('refuses ranges outside the file and sizes no blob has', () => {
    expect(() => sealedRange(CHUNK, 10, 5, 10)).toThrow(RangeError);
    expect(() => sealedRange(CHUNK, 10, 6, 5)).toThrow(RangeError);
    expect(() => sealedRange(CHUNK, 0, 0, 0)).toThrow(RangeError);
    expect(plaintextLength(HEADER_LENGTH + TAG_LENGTH, CHUNK)).toBe(0);
    expect(() => plaintextLength(HEADER_LENGTH + TAG_LENGTH - 1, CHUNK)).toThrow(IntegrityError);
    expect(() => plaintextLength(HEADER_LENGTH + RECORD + 3, CHUNK)).toThrow(IntegrityError);
  });
});

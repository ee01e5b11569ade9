import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseMasterKeys } from '../../platform/crypto/keyring.js';
import { DEFAULT_CHUNK_SIZE, HEADER_LENGTH, TAG_LENGTH } from '../../platform/crypto/seal.js';
import { BackupWriter, readAll, readEntries } from './backup.format.js';
import { fileSink } from './backup.service.js';

const keys = parseMasterKeys(`1:${randomBytes(32).toString('base64')}`);
const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-backup-format-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const RECORD = DEFAULT_CHUNK_SIZE + TAG_LENGTH;

async function write(name: string, blob: Buffer): Promise<string> {
  const file = path.join(dir, name);
  const writer = new BackupWriter(keys, { kind: 'data', createdAt: '2026-12-07T00:00:00.000Z', deployment: 'x' });
  const sinking = fileSink(file)(writer.output);
  await writer.entry('B', 'orgs/a/b', [blob]);
  await writer.entry('M', 'manifest.json', ['{}']);
  await writer.finish();
  await sinking;
  return file;
}

async function read(file: string) {
  const out: { type: string; name: string; bytes: Buffer }[] = [];
  for await (const entry of readEntries(file, keys, 'data')) {
    out.push({ type: entry.type, name: entry.name, bytes: await readAll(entry.body) });
  }
  return out;
}

describe('backup file format', () => {
  const blob = randomBytes(3 * DEFAULT_CHUNK_SIZE + 100);

  it('reads back what was written, entry by entry', async () => {
    const file = await write('good.backup', blob);
    const entries = await read(file);
    expect(entries.map((e) => [e.type, e.name])).toEqual([
      ['B', 'orgs/a/b'],
      ['M', 'manifest.json'],
      ['Z', ''],
    ]);
    expect(entries[0]!.bytes.equals(blob)).toBe(true);
    // Nothing of the plaintext is in the file.
    expect(readFileSync(file).includes(blob.subarray(0, 32))).toBe(false);
  });

  it('refuses reordered chunks, a cut at a chunk boundary, trailing data and a flipped bit, each in one line', async () => {
    const good = readFileSync(await write('base.backup', blob));
    const start = good.indexOf(0x0a, 17) + 1 + HEADER_LENGTH;
    const record = (i: number) => good.subarray(start + i * RECORD, start + (i + 1) * RECORD);
    const swapped = Buffer.concat([good.subarray(0, start), record(1), record(0), good.subarray(start + 2 * RECORD)]);
    const cut = good.subarray(0, start + 2 * RECORD);
    const trailing = Buffer.concat([good, good.subarray(start, start + RECORD)]);
    const flipped = Buffer.from(good);
    flipped[start + RECORD + 5]! ^= 0x10;
    const cases: [string, Buffer, RegExp][] = [
      ['swapped', swapped, /does not open|corrupted: tag mismatch at chunk/],
      ['cut', cut, /truncated/],
      ['trailing', trailing, /corrupted|data after its end/],
      ['flipped', flipped, /corrupted: tag mismatch at chunk 1/],
    ];
    for (const [name, bytes, message] of cases) {
      const file = path.join(dir, `${name}.backup`);
      writeFileSync(file, bytes);
      const error = await read(file).then(
        () => null,
        (e: Error) => e,
      );
      expect(error?.message, name).toMatch(message);
      expect(error?.message, name).not.toContain('\n');
    }
  });
});

import { mkdtemp, open, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zip } from '../../test/files.js';
import { bufferSource, entryDataStart, fileSource, readZipDirectory } from './zip-directory.js';

/** One stored entry whose directory record carries its sizes and offset in a zip64 extra field. */
function zip64Archive(): Buffer {
  const name = Buffer.from('big.bin');
  const data = Buffer.from('hello');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(name.length, 26);
  const extra = Buffer.alloc(4 + 24);
  extra.writeUInt16LE(0x0001, 0);
  extra.writeUInt16LE(24, 2);
  extra.writeBigUInt64LE(5_000_000_000n, 4);
  extra.writeBigUInt64LE(5n, 12);
  extra.writeBigUInt64LE(0n, 20);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(name.length, 28);
  central.writeUInt16LE(extra.length, 30);
  central.writeUInt32LE(0xffffffff, 42);
  const body = Buffer.concat([local, name, data]);
  const directory = Buffer.concat([central, name, extra]);
  const end64 = Buffer.alloc(56);
  end64.writeUInt32LE(0x06064b50, 0);
  end64.writeBigUInt64LE(1n, 32);
  end64.writeBigUInt64LE(BigInt(directory.length), 40);
  end64.writeBigUInt64LE(BigInt(body.length), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(body.length + directory.length), 8);
  const end = Buffer.alloc(22, 0xff);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0, 20);
  return Buffer.concat([body, directory, end64, locator, end]);
}

describe('readZipDirectory', () => {
  it('lists names, methods and sizes as the directory declares them', async () => {
    const archive = zip([
      { name: 'a.txt', data: 'hello' },
      { name: 'dir/b.txt', data: 'x'.repeat(1000), deflate: true },
    ]);
    const directory = await readZipDirectory(bufferSource(archive), 10);
    expect(directory).toMatchObject({
      kind: 'ok',
      entries: [
        { name: 'a.txt', method: 0, packed: 5, unpacked: 5, localHeader: 0, zip64: false },
        { name: 'dir/b.txt', method: 8, unpacked: 1000, zip64: false },
      ],
    });
    if (directory.kind !== 'ok') return;
    const start = await entryDataStart(bufferSource(archive), directory.entries[0]!);
    expect(archive.subarray(start!, start! + 5).toString()).toBe('hello');
  });

  it('takes sizes and offsets from zip64 records', async () => {
    const directory = await readZipDirectory(bufferSource(zip64Archive()), 10);
    expect(directory).toEqual({
      kind: 'ok',
      entries: [
        {
          name: 'big.bin',
          flags: 0,
          method: 0,
          packed: 5,
          unpacked: 5_000_000_000,
          localHeader: 0,
          zip64: true,
        },
      ],
    });
  });

  it('counts entries before reading them, and says when there is no directory', async () => {
    const archive = zip([
      { name: 'a', data: '' },
      { name: 'b', data: '' },
    ]);
    expect(await readZipDirectory(bufferSource(archive), 1)).toEqual({ kind: 'too_many', count: 2 });
    expect(await readZipDirectory(bufferSource(Buffer.from('not a zip at all')), 1)).toMatchObject({
      kind: 'unreadable',
    });
  });

  it('reads the same from a file, through its window, as from memory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'deedbox-zip-'));
    try {
      const items = Array.from({ length: 300 }, (_, i) => ({ name: `f${i}.txt`, data: `${i}`.repeat(500) }));
      const archive = zip(items);
      await writeFile(join(dir, 'a.zip'), archive);
      const handle = await open(join(dir, 'a.zip'));
      try {
        const source = fileSource(handle, archive.length);
        const fromFile = await readZipDirectory(source, 1000);
        expect(fromFile).toEqual(await readZipDirectory(bufferSource(archive), 1000));
        expect((await source.read(archive.length - 10, 100)).length).toBe(10);
        expect((await source.read(100_000, 200_000)).equals(archive.subarray(100_000, 300_000))).toBe(true);
        if (fromFile.kind !== 'ok') throw new Error('unreadable');
        for (const [i, entry] of fromFile.entries.entries()) {
          const start = await entryDataStart(source, entry);
          expect((await source.read(start!, entry.packed)).toString()).toBe(items[i]!.data);
        }
      } finally {
        await handle.close();
      }
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

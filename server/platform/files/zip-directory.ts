import type { FileHandle } from 'node:fs/promises';

/** Random access to bytes: a file on disk, a buffer already in memory, a sealed blob (files/sealed-source.ts). */
export interface ByteSource {
  readonly size: number;
  /** Up to `length` bytes from `at`; fewer at the end. */
  read(at: number, length: number): Promise<Buffer>;
  /** The same bytes in order, where the source has a cheaper way to scan far than reads (one store request). */
  stream?(at: number, length: number): AsyncIterable<Buffer>;
}

export function bufferSource(bytes: Uint8Array): ByteSource {
  // A Buffer view of a plain Uint8Array copies nothing.
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { size: buf.length, read: async (at, length) => buf.subarray(at, Math.min(buf.length, at + length)) };
}

/** Reads through a 64 KiB window, so walking many small records costs few system calls. */
export function fileSource(handle: FileHandle, size: number): ByteSource {
  const direct = async (at: number, length: number) => {
    const n = Math.max(0, Math.min(length, size - at));
    const buf = Buffer.alloc(n);
    const { bytesRead } = await handle.read(buf, 0, n, at);
    return buf.subarray(0, bytesRead);
  };
  let window = { at: 0, bytes: Buffer.alloc(0) };
  return {
    size,
    async read(at, length) {
      if (length > WINDOW) return direct(at, length);
      if (at < window.at || at + length > window.at + window.bytes.length)
        window = { at, bytes: await direct(at, WINDOW) };
      return Buffer.from(window.bytes.subarray(at - window.at, at - window.at + length));
    },
  };
}

const WINDOW = 64 * 1024;

export const ZIP_SIGNATURE = {
  local: 0x04034b50,
  central: 0x02014b50,
  end: 0x06054b50,
  end64: 0x06064b50,
  end64Locator: 0x07064b50,
} as const;
export const ZIP_STORED = 0;
export const ZIP_DEFLATED = 8;
/** General purpose flag bit 0: the entry's data is encrypted. */
export const ZIP_FLAG_ENCRYPTED = 1;

/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
const ZIP64_MARK = 0xffffffff;
/** A directory larger than this is not one a document needs, and is not read into memory. */
const MAX_DIRECTORY_BYTES = 16 * 1024 * 1024;

export interface ZipEntry {
  name: string;
  flags: number;
  method: number;
  packed: number;
  unpacked: number;
  localHeader: number;
  /** A size or offset came from a zip64 extra field. */
  zip64: boolean;
}

export type ZipDirectory =
  | { kind: 'ok'; entries: ZipEntry[] }
  | { kind: 'too_many'; count: number }
  | { kind: 'unreadable'; reason: string };

interface End {
  count: number;
  size: number;
  offset: number;
}

/** Where the end-of-directory record starts in `tail`, searching back from its end, or -1. */
export function findEndRecord(tail: Buffer): number {
  for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === ZIP_SIGNATURE.end) return i;
  return -1;
}

async function endOfDirectory(source: ByteSource): Promise<End | null> {
  const tailStart = Math.max(0, source.size - END_SEARCH);
  const tail = await source.read(tailStart, source.size - tailStart);
  const at = findEndRecord(tail);
  if (at < 0) return null;
  const end = {
    count: tail.readUInt16LE(at + 10),
    size: tail.readUInt32LE(at + 12),
    offset: tail.readUInt32LE(at + 16),
  };
  if (end.count !== 0xffff && end.size !== ZIP64_MARK && end.offset !== ZIP64_MARK) return end;
  const locator = at - 20;
  if (locator < 0 || tail.readUInt32LE(locator) !== ZIP_SIGNATURE.end64Locator) return end;
  const record = await source.read(Number(tail.readBigUInt64LE(locator + 8)), 56);
  if (record.length < 56 || record.readUInt32LE(0) !== ZIP_SIGNATURE.end64) return null;
  return {
    count: Number(record.readBigUInt64LE(32)),
    size: Number(record.readBigUInt64LE(40)),
    offset: Number(record.readBigUInt64LE(48)),
  };
}

/** Replaces the 32-bit sizes marked 0xFFFFFFFF with the 64-bit ones of the zip64 extra field, in its order. */
function applyZip64(entry: ZipEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(at);
    const length = extra.readUInt16LE(at + 2);
    if (id === 0x0001) {
      let field = at + 4;
      for (const key of ['unpacked', 'packed', 'localHeader'] as const) {
        if (entry[key] !== ZIP64_MARK || field + 8 > at + 4 + length) continue;
        entry[key] = Number(extra.readBigUInt64LE(field));
        entry.zip64 = true;
        field += 8;
      }
      return;
    }
    at += 4 + length;
  }
}

/**
 * The central directory of a zip: every entry's name, method and sizes as declared (they may
 * lie; callers that unpack must count). Reads only the end of the source and the directory.
 */
export async function readZipDirectory(source: ByteSource, maxEntries: number): Promise<ZipDirectory> {
  const end = await endOfDirectory(source);
  if (!end) return { kind: 'unreadable', reason: 'has no zip directory' };
  if (end.count > maxEntries) return { kind: 'too_many', count: end.count };
  if (end.size > MAX_DIRECTORY_BYTES || end.offset + end.size > source.size)
    return { kind: 'unreadable', reason: 'has a zip directory outside the file' };
  const dir = await source.read(end.offset, end.size);
  const entries: ZipEntry[] = [];
  let at = 0;
  for (let n = 0; n < end.count; n++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== ZIP_SIGNATURE.central)
      return { kind: 'unreadable', reason: 'has a broken zip directory' };
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const entry: ZipEntry = {
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      flags: dir.readUInt16LE(at + 8),
      method: dir.readUInt16LE(at + 10),
      packed: dir.readUInt32LE(at + 20),
      unpacked: dir.readUInt32LE(at + 24),
      localHeader: dir.readUInt32LE(at + 42),
      zip64: false,
    };
    applyZip64(entry, dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + dir.readUInt16LE(at + 32);
  }
  return { kind: 'ok', entries };
}

/** Where an entry's data starts (after its local header), or null when the header is not there. */
export async function entryDataStart(source: ByteSource, entry: ZipEntry): Promise<number | null> {
  const header = await source.read(entry.localHeader, 30);
  if (header.length < 30 || header.readUInt32LE(0) !== ZIP_SIGNATURE.local) return null;
  return entry.localHeader + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
}

import { Readable } from 'node:stream';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { scanBytes } from '../../platform/files/scan.js';
import {
  type ByteSource,
  bufferSource,
  entryDataStart,
  readZipDirectory,
  ZIP_DEFLATED,
  ZIP_FLAG_ENCRYPTED,
  ZIP_STORED,
  type ZipEntry,
} from '../../platform/files/zip-directory.js';

/** What one upload's archives may declare and unpack to, together. */
export const ZIP_LIMITS = {
  unpacked: 1024 * 1024 * 1024,
  entries: 10_000,
  /** Ratio of unpacked to packed bytes allowed for an entry larger than `ratioFrom`. */
  ratio: 100,
  ratioFrom: 10 * 1024 * 1024,
  /** A nested archive is unpacked into memory to look inside it, up to this size. */
  nested: 32 * 1024 * 1024,
} as const;

export type ZipExcess = { rule: 'file_zip_bomb' | 'file_encrypted' | 'file_type_refused'; detail: string };

/** PGP/ODF manifests: an OpenDocument saved with a password lists encryption data for its parts. */
const ODF_MANIFEST = 'META-INF/manifest.xml';
const ARCHIVE_NAME = /\.(zip|jar|war|apk|7z|rar|gz|tgz|tar|bz2|tbz2|xz|txz|zst|lz|lzh|lzma|cab|arj|cpio|iso)$/i;
const ARCHIVE_MAGIC: number[][] = [
  [0x50, 0x4b, 0x03, 0x04],
  [0x50, 0x4b, 0x05, 0x06],
  [0x1f, 0x8b],
  [0x42, 0x5a, 0x68],
  [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00],
  [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c],
  [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07],
  [0x28, 0xb5, 0x2f, 0xfd],
  [0x4d, 0x53, 0x43, 0x46],
];
const isZipData = (start: Buffer) => start.length >= 4 && start.readUInt32BE(0) === 0x504b0304;
const isArchive = (entry: ZipEntry, start: Buffer) =>
  ARCHIVE_NAME.test(entry.name) ||
  ARCHIVE_MAGIC.some((magic) => magic.every((b, i) => start[i] === b)) ||
  start.subarray(257, 262).toString('latin1') === 'ustar';

const bomb = (detail: string): ZipExcess => ({ rule: 'file_zip_bomb', detail });

/** A name that would write outside the folder it is unpacked into. */
function escapes(name: string): boolean {
  return /^([/\\]|[a-z]:)/i.test(name) || name.split(/[/\\]/).includes('..') || name.includes('\u0000');
}

class ZipScan {
  declared = 0;
  unpacked = 0;

  /** Checks one archive's directory, then unpacks every entry, counting. */
  async archive(source: ByteSource, depth: number, odf: boolean): Promise<ZipExcess | null> {
    const directory = await readZipDirectory(source, ZIP_LIMITS.entries);
    if (directory.kind === 'too_many') return bomb(`holds ${directory.count} entries (at most ${ZIP_LIMITS.entries})`);
    if (directory.kind === 'unreadable') return { rule: 'file_type_refused', detail: `it ${directory.reason}` };
    for (const entry of directory.entries) {
      const problem = this.declaredProblem(entry);
      if (problem) return problem;
    }
    for (const entry of directory.entries) {
      const problem = await this.entry(source, entry, depth, odf);
      if (problem) return problem;
    }
    return null;
  }

  private declaredProblem(entry: ZipEntry): ZipExcess | null {
    if (escapes(entry.name)) return bomb(`the entry "${entry.name.slice(0, 100)}" points outside the archive`);
    if (entry.flags & ZIP_FLAG_ENCRYPTED)
      return { rule: 'file_encrypted', detail: 'the archive is password-protected' };
    this.declared += entry.unpacked;
    if (this.declared > ZIP_LIMITS.unpacked) return bomb(`it declares more than ${ZIP_LIMITS.unpacked} bytes unpacked`);
    if (entry.unpacked > ZIP_LIMITS.ratioFrom && entry.unpacked > ZIP_LIMITS.ratio * Math.max(1, entry.packed))
      return bomb(`an entry unpacks more than ${ZIP_LIMITS.ratio} times its packed size`);
    return null;
  }

  private async entry(source: ByteSource, entry: ZipEntry, depth: number, odf: boolean): Promise<ZipExcess | null> {
    // Other methods (deflate64, bzip2, …) cannot be counted here; their declared sizes were checked.
    if (entry.method !== ZIP_STORED && entry.method !== ZIP_DEFLATED) return null;
    const start = await entryDataStart(source, entry);
    if (start === null) return DAMAGED;
    const manifest = odf && entry.name === ODF_MANIFEST;
    // Keep all of a nested zip (to look inside) or a manifest, only the start of anything else.
    const data = await this.unpack(source, start, entry, (first) =>
      isZipData(first) || manifest ? Math.min(entry.unpacked, ZIP_LIMITS.nested) : 512,
    );
    if (!Buffer.isBuffer(data)) return data;
    if (manifest && data.includes('encryption-data'))
      return { rule: 'file_encrypted', detail: 'the document is password-protected' };
    if (!isArchive(entry, data)) return null;
    if (depth >= 1) return bomb('it holds archives nested more than one level deep');
    if (!isZipData(data)) return null;
    if (entry.unpacked > ZIP_LIMITS.nested)
      return bomb(`it holds a nested archive larger than ${ZIP_LIMITS.nested} bytes, too large to look into`);
    return this.archive(bufferSource(data), depth + 1, false);
  }

  /**
   * Unpacks one entry, counting every byte against its declared size and the upload's total,
   * and keeps as many bytes from its start as `keep` asks once it sees the first. A directory
   * that understates a size is a bomb.
   */
  private async unpack(
    source: ByteSource,
    start: number,
    entry: ZipEntry,
    keep: (first: Buffer) => number,
  ): Promise<Buffer | ZipExcess> {
    const unpacked =
      entry.packed <= SMALL
        ? await unpackSmall(source, start, entry)
        : await this.unpackStream(source, start, entry, keep);
    if ('rule' in unpacked) return unpacked;
    if (unpacked.size > entry.unpacked) return overstated(entry);
    this.unpacked += unpacked.size;
    if (this.unpacked > ZIP_LIMITS.unpacked) return bomb(`it unpacks to more than ${ZIP_LIMITS.unpacked} bytes`);
    return unpacked.data.subarray(0, keep(unpacked.data));
  }

  /** Large entries in a stream, stopped as soon as they pass what they declare or the total. */
  private async unpackStream(
    source: ByteSource,
    start: number,
    entry: ZipEntry,
    keep: (first: Buffer) => number,
  ): Promise<Unpacked | ZipExcess> {
    const packed = Readable.from(scanBytes(source, start, entry.packed, 64 * 1024));
    const output = entry.method === ZIP_STORED ? packed : packed.pipe(createInflateRaw({ chunkSize: 256 * 1024 }));
    const kept: Buffer[] = [];
    let limit = -1;
    let size = 0;
    try {
      for await (const chunk of output as AsyncIterable<Buffer>) {
        if (limit < 0) limit = keep(chunk);
        if (size < limit) kept.push(chunk.subarray(0, limit - size));
        size += chunk.length;
        if (size > entry.unpacked) return overstated(entry);
        if (this.unpacked + size > ZIP_LIMITS.unpacked)
          return bomb(`it unpacks to more than ${ZIP_LIMITS.unpacked} bytes`);
      }
    } catch {
      return DAMAGED;
    } finally {
      packed.destroy();
      output.destroy();
    }
    return { data: Buffer.concat(kept), size };
  }
}

interface Unpacked {
  data: Buffer;
  size: number;
}

/** Packed at most this much, an entry unpacks in one call: the ratio rule bounds it to 10 MiB. */
const SMALL = 64 * 1024;
const DAMAGED: ZipExcess = { rule: 'file_type_refused', detail: 'it is a damaged ZIP archive' };
const overstated = (entry: ZipEntry) => bomb(`an entry unpacks to more than the ${entry.unpacked} bytes it declares`);

/** Most entries are small: one read and one inflate, no streams to set up. */
async function unpackSmall(source: ByteSource, start: number, entry: ZipEntry): Promise<Unpacked | ZipExcess> {
  const packed = await source.read(start, entry.packed);
  if (entry.method === ZIP_STORED) return { data: packed, size: packed.length };
  try {
    const data = inflateRawSync(packed, { maxOutputLength: entry.unpacked + 1 });
    return { data, size: data.length };
  } catch (error) {
    return (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? overstated(entry) : DAMAGED;
  }
}

/**
 * Why a ZIP (or a zip-based Office or OpenDocument file) is too dangerous to keep, or null.
 * Declared sizes are checked first; then every entry is unpacked in a stream and counted,
 * since a directory can lie. One level of nested archive is allowed and looked into.
 */
export function zipProblem(source: ByteSource, extension: string): Promise<ZipExcess | null> {
  return new ZipScan().archive(source, 0, ['odt', 'ods', 'odp'].includes(extension));
}

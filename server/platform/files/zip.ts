import { createInflateRaw, inflateRawSync } from 'node:zlib';
import {
  bufferSource,
  entryDataStart,
  readZipDirectory,
  ZIP_DEFLATED,
  ZIP_STORED,
  type ZipEntry,
} from './zip-directory.js';

const ZIP64_MARK = 0xffffffff;

/** Why a zip is refused before anything unpacks it. */
export type ZipExcess = 'entries' | 'zip64' | 'declared' | 'real';

/** A zip held in memory (an office file being read) and its directory, read by zip-directory.ts. */
export interface ZipInMemory {
  bytes: Buffer;
  entries: ZipEntry[];
}

const asBuffer = (bytes: Uint8Array) =>
  // PGlite hands stored files back as a plain Uint8Array; a Buffer view of it copies nothing.
  Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** The zip's directory, or null when it has none readable or more than `maxEntries` entries. */
export async function openZip(bytes: Uint8Array, maxEntries: number): Promise<ZipInMemory | null> {
  const buf = asBuffer(bytes);
  const directory = await readZipDirectory(bufferSource(buf), maxEntries);
  return directory.kind === 'ok' ? { bytes: buf, entries: directory.entries } : null;
}

/** An entry's packed bytes, or null when its local header is not where the directory says. */
async function packedData(zip: ZipInMemory, entry: ZipEntry): Promise<Buffer | null> {
  const start = await entryDataStart(bufferSource(zip.bytes), entry);
  return start === null ? null : zip.bytes.subarray(start, start + entry.packed);
}

/** Bytes a deflated part really unpacks to, counted in a stream and stopped past `limit`. */
async function inflatedSize(data: Buffer, limit: number): Promise<number> {
  const inflate = createInflateRaw();
  inflate.end(data);
  let size = 0;
  try {
    for await (const chunk of inflate) {
      size += (chunk as Buffer).length;
      if (size > limit) break;
    }
  } catch {
    // A broken stream is for the reader of the format to report as unreadable.
  } finally {
    inflate.destroy();
  }
  return size;
}

/**
 * Whether a zip would unpack to more than the limit, checked before any reader expands a part:
 * the sizes its directory declares, then what each part really inflates to (a zip bomb's
 * directory may lie), counted without keeping the bytes. Null: no readable directory, which
 * the format's reader will report as unreadable.
 */
export async function zipUnpackProblem(
  bytes: Uint8Array,
  limits: { unpacked: number; entries: number },
): Promise<ZipExcess | null> {
  const buf = asBuffer(bytes);
  const directory = await readZipDirectory(bufferSource(buf), limits.entries);
  if (directory.kind === 'too_many') return 'entries';
  if (directory.kind === 'unreadable') return null;
  const zip: ZipInMemory = { bytes: buf, entries: directory.entries };
  // Zip64 sizes (or their 0xFFFFFFFF marks) are not needed by any office file or workbook we read.
  if (zip.entries.some((e) => e.zip64 || e.packed === ZIP64_MARK || e.unpacked === ZIP64_MARK)) return 'zip64';
  if (zip.entries.reduce((total, entry) => total + entry.unpacked, 0) > limits.unpacked) return 'declared';
  let real = 0;
  for (const entry of zip.entries) {
    const data = await packedData(zip, entry);
    if (!data) return null;
    if (entry.method === ZIP_STORED) real += data.length;
    else if (entry.method === ZIP_DEFLATED) real += await inflatedSize(data, limits.unpacked - real);
    if (real > limits.unpacked) return 'real';
  }
  return null;
}

/** A part's bytes, or null when it is broken, uses another method, or unpacks past what it declares. */
export async function readZipPart(zip: ZipInMemory, entry: ZipEntry): Promise<Buffer | null> {
  const data = await packedData(zip, entry);
  if (!data) return null;
  if (entry.method === ZIP_STORED) return data;
  if (entry.method !== ZIP_DEFLATED) return null;
  try {
    // One byte over the declared size proves the directory lied; the bound keeps a bomb from expanding.
    const out = inflateRawSync(data, { maxOutputLength: entry.unpacked + 1 });
    return out.length === entry.unpacked ? out : null;
  } catch {
    return null;
  }
}

import { createInflateRaw, inflateRawSync } from 'node:zlib';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
/** Zip64 marks sizes it keeps elsewhere with all bits set; no office file we read needs them. */
const ZIP64 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

/** One file inside a zip, as its central directory describes it. */
export interface ZipPart {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localHeader: number;
}

/** Why a zip is refused before anything unpacks it. */
export type ZipExcess = 'entries' | 'zip64' | 'declared' | 'real';

/** The central directory's entries, or null when there is no readable directory. */
export function zipDirectory(zip: Buffer): ZipPart[] | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - END_SEARCH); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  const parts: ZipPart[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    parts.push({
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      method: zip.readUInt16LE(at + 10),
      packed: zip.readUInt32LE(at + 20),
      unpacked: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

/** A part's packed bytes, or null when its local header is not where the directory says. */
function packedData(zip: Buffer, part: ZipPart): Buffer | null {
  const at = part.localHeader;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return null;
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return zip.subarray(start, start + part.packed);
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
  // PGlite hands stored files back as a plain Uint8Array; a Buffer view of it copies nothing.
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = zipDirectory(zip);
  if (!parts) return null;
  if (parts.length > limits.entries) return 'entries';
  let total = 0;
  for (const part of parts) {
    if (part.unpacked === ZIP64 || part.packed === ZIP64) return 'zip64';
    total += part.unpacked;
  }
  if (total > limits.unpacked) return 'declared';
  let real = 0;
  for (const part of parts) {
    const data = packedData(zip, part);
    if (!data) return null;
    if (part.method === STORED) real += data.length;
    else if (part.method === DEFLATED) real += await inflatedSize(data, limits.unpacked - real);
    if (real > limits.unpacked) return 'real';
  }
  return null;
}

/** A part's bytes, or null when it is broken, uses another method, or unpacks past what it declares. */
export function readZipPart(zip: Buffer, part: ZipPart): Buffer | null {
  const data = packedData(zip, part);
  if (!data) return null;
  if (part.method === STORED) return data;
  if (part.method !== DEFLATED) return null;
  try {
    // One byte over the declared size proves the directory lied; the bound keeps a bomb from expanding.
    const out = inflateRawSync(data, { maxOutputLength: part.unpacked + 1 });
    return out.length === part.unpacked ? out : null;
  } catch {
    return null;
  }
}

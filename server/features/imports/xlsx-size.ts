import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../platform/errors.js';
import { LIMITS } from './import-limits.js';

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
/** The end record is 22 bytes, followed by a comment of at most 65,535. */
const END_SEARCH = 22 + 0xffff;
/** Zip64 marks sizes it keeps elsewhere with all bits set; no workbook we take needs them. */
const ZIP64 = 0xffffffff;
const STORED = 0;
const DEFLATED = 8;

const tooLarge = (message: string) =>
  new AppError('validation_failed', `file ${message}`, {
    errors: [{ field: 'file', rule: 'unpacked_too_large', message, params: { max: LIMITS.xlsxUnpacked } }],
  });

interface Part {
  method: number;
  packed: number;
  unpacked: number;
  localHeader: number;
}

function directory(zip: Buffer): Part[] | null {
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - END_SEARCH); i--) {
    if (zip.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  if (count > LIMITS.xlsxEntries) throw tooLarge(`has more than ${LIMITS.xlsxEntries} parts.`);
  const parts: Part[] = [];
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < count; n++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== DIRECTORY_ENTRY) return null;
    parts.push({
      method: zip.readUInt16LE(at + 10),
      packed: zip.readUInt32LE(at + 20),
      unpacked: zip.readUInt32LE(at + 24),
      localHeader: zip.readUInt32LE(at + 42),
    });
    at += 46 + zip.readUInt16LE(at + 28) + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
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
    // A broken stream is for the workbook reader to report as unreadable.
  } finally {
    inflate.destroy();
  }
  return size;
}

/**
 * Refuses a workbook that would unpack to more than the limit, before the reader expands any
 * part: the sizes its directory declares, then what each part really inflates to (a zip bomb's
 * directory may lie), counted without keeping the bytes.
 */
export async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  // PGlite hands stored files back as a plain Uint8Array; a Buffer view of it copies nothing.
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // Without a readable directory the workbook reader fails and says the file is unreadable.
  const parts = directory(zip);
  if (!parts) return;
  let total = 0;
  for (const part of parts) {
    if (part.unpacked === ZIP64 || part.packed === ZIP64) throw tooLarge('uses zip64 sizes.');
    total += part.unpacked;
  }
  if (total > LIMITS.xlsxUnpacked) throw tooLarge(`would unpack to more than ${LIMITS.xlsxUnpacked} bytes.`);
  let real = 0;
  for (const part of parts) {
    const at = part.localHeader;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER) return;
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const data = zip.subarray(start, start + part.packed);
    if (part.method === STORED) real += data.length;
    else if (part.method === DEFLATED) real += await inflatedSize(data, LIMITS.xlsxUnpacked - real);
    if (real > LIMITS.xlsxUnpacked) throw tooLarge(`unpacks to more than ${LIMITS.xlsxUnpacked} bytes.`);
  }
}

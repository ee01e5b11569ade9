import { createInflateRaw } from 'node:zlib';
import { AppError } from '../../platform/errors.js';
import {
  bufferSource,
  entryDataStart,
  readZipDirectory,
  ZIP_DEFLATED,
  ZIP_STORED,
} from '../../platform/zip-directory.js';
import { LIMITS } from './import-limits.js';

const tooLarge = (message: string) =>
  new AppError('validation_failed', `file ${message}`, {
    errors: [{ field: 'file', rule: 'unpacked_too_large', message, params: { max: LIMITS.xlsxUnpacked } }],
  });

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
  // PGlite hands stored files back as a plain Uint8Array; bufferSource views it without a copy.
  const source = bufferSource(bytes);
  const directory = await readZipDirectory(source, LIMITS.xlsxEntries);
  if (directory.kind === 'too_many') throw tooLarge(`has more than ${LIMITS.xlsxEntries} parts.`);
  // Without a readable directory the workbook reader fails and says the file is unreadable.
  if (directory.kind === 'unreadable') return;
  let total = 0;
  for (const part of directory.entries) {
    // No workbook we take needs sizes beyond 4 GiB.
    if (part.zip64) throw tooLarge('uses zip64 sizes.');
    total += part.unpacked;
  }
  if (total > LIMITS.xlsxUnpacked) throw tooLarge(`would unpack to more than ${LIMITS.xlsxUnpacked} bytes.`);
  let real = 0;
  for (const part of directory.entries) {
    const start = await entryDataStart(source, part);
    if (start === null) return;
    const data = await source.read(start, part.packed);
    if (part.method === ZIP_STORED) real += data.length;
    else if (part.method === ZIP_DEFLATED) real += await inflatedSize(data, LIMITS.xlsxUnpacked - real);
    if (real > LIMITS.xlsxUnpacked) throw tooLarge(`unpacks to more than ${LIMITS.xlsxUnpacked} bytes.`);
  }
}

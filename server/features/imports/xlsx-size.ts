import { AppError } from '../../platform/errors.js';
import { type ZipExcess, zipUnpackProblem } from '../../platform/files/zip.js';
import { LIMITS } from './import-limits.js';

const MESSAGES: Record<ZipExcess, string> = {
  entries: `has more than ${LIMITS.xlsxEntries} parts.`,
  zip64: 'uses zip64 sizes.',
  declared: `would unpack to more than ${LIMITS.xlsxUnpacked} bytes.`,
  real: `unpacks to more than ${LIMITS.xlsxUnpacked} bytes.`,
};

/**
 * Refuses a workbook that would unpack to more than the limit, before the reader expands any
 * part (platform/files/zip.ts). Without a readable directory the workbook reader fails and
 * says the file is unreadable.
 */
export async function checkUnpackedSize(bytes: Uint8Array): Promise<void> {
  const problem = await zipUnpackProblem(bytes, { unpacked: LIMITS.xlsxUnpacked, entries: LIMITS.xlsxEntries });
  if (!problem) return;
  const message = MESSAGES[problem];
  throw new AppError('validation_failed', `file ${message}`, {
    errors: [{ field: 'file', rule: 'unpacked_too_large', message, params: { max: LIMITS.xlsxUnpacked } }],
  });
}

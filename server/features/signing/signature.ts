import { PDFDocument } from 'pdf-lib';
import { SIGNATURE_LIMITS } from '../../../common/schemas/signing-page.js';
import { AppError } from '../../platform/errors.js';

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

const invalid = () =>
  AppError.invalid('signature.png', 'signature_invalid', 'must be a PNG image of at most 1600 × 800 pixels');

/** A drawn signature's PNG, checked: at most 200 KiB (413), a PNG whose header fits 1600 × 800 and pdf-lib embeds (422). */
export async function checkedSignaturePng(base64: string): Promise<Buffer> {
  const png = Buffer.from(base64, 'base64');
  if (png.length > SIGNATURE_LIMITS.pngBytes) {
    throw new AppError('payload_too_large', 'The signature image is larger than 200 KiB.', {
      errors: [
        {
          field: 'signature.png',
          rule: 'signature_too_large',
          message: 'must be at most 200 KiB',
          params: { max: SIGNATURE_LIMITS.pngBytes },
        },
      ],
    });
  }
  // Magic, then the IHDR chunk: its width and height follow the chunk length and type.
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_MAGIC) || png.toString('latin1', 12, 16) !== 'IHDR')
    throw invalid();
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  if (width < 1 || height < 1 || width > SIGNATURE_LIMITS.width || height > SIGNATURE_LIMITS.height) throw invalid();
  try {
    await (await PDFDocument.create()).embedPng(png);
  } catch {
    throw invalid();
  }
  return png;
}

import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { IntegrityError } from './seal-format.js';

/**
 * Short sealed values (a document's name, a link's URL, a page of extracted text), each under the
 * random data key of its row: format u8 (1) | nonce (12) | ciphertext | tag (16), AES-256-GCM with
 * the caller's context as AAD, so a value copied to another row or column does not open.
 */
const FORMAT = 1;
const NONCE = 12;
const TAG = 16;

export function sealText(key: Buffer, context: string, text: string): Buffer {
  const nonce = randomBytes(NONCE);
  const cipher = createCipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG });
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([Buffer.from([FORMAT]), nonce, body, cipher.getAuthTag()]);
}

export function openText(key: Buffer, context: string, sealed: Buffer): string {
  if (sealed.length < 1 + NONCE + TAG || sealed[0] !== FORMAT) {
    throw new IntegrityError('header', 'bad sealed value: wrong length or format');
  }
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(1, 1 + NONCE), { authTagLength: TAG });
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(1 + NONCE, sealed.length - TAG)), decipher.final()]).toString(
      'utf8',
    );
  } catch {
    throw new IntegrityError('tag', 'tag mismatch in sealed value (wrong key, wrong context or altered)');
  }
}

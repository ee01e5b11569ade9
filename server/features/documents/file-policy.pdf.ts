import type { ByteSource } from '../../platform/files/zip-directory.js';

const WINDOW = 64 * 1024;
/** The name /Encrypt, not /EncryptMetadata. */
const ENCRYPT = /\/Encrypt(?![A-Za-z0-9#])/;

/** Trailer dictionaries ("trailer << … >>"), cut at the startxref that follows each. */
function trailers(text: string): string[] {
  return [...text.matchAll(/trailer\s*<</g)].map((m) => {
    const rest = text.slice(m.index, m.index + 4096);
    const end = rest.indexOf('startxref');
    return end < 0 ? rest : rest.slice(0, end);
  });
}

/** Dictionaries of cross-reference streams (PDF 1.5+), where the trailer entries live instead. */
function xrefStreamDictionaries(text: string): string[] {
  return [...text.matchAll(/\/Type\s*\/XRef\b/g)].map((m) => {
    const from = text.lastIndexOf('obj', m.index);
    const to = text.indexOf('stream', m.index);
    return text.slice(from < 0 ? 0 : from, to < 0 ? text.length : to);
  });
}

/**
 * A PDF is password-protected when its trailer, or the dictionary of the cross-reference
 * stream standing in for it, has /Encrypt. They sit at the end of the file, at the offset
 * startxref names, or (linearized files) at the start.
 */
export async function isEncryptedPdf(source: ByteSource): Promise<boolean> {
  const head = (await source.read(0, WINDOW)).toString('latin1');
  const tailStart = Math.max(0, source.size - WINDOW);
  const tail = (await source.read(tailStart, source.size - tailStart)).toString('latin1');
  const texts = [head, tail];
  const startxref = [...tail.matchAll(/startxref\s+(\d{1,15})/g)].at(-1);
  if (startxref) texts.push((await source.read(Number(startxref[1]), 4096)).toString('latin1'));
  return texts.some((text) => [...trailers(text), ...xrefStreamDictionaries(text)].some((d) => ENCRYPT.test(d)));
}

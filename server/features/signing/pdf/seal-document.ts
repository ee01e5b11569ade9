import { PDFDocument, PDFName } from 'pdf-lib';
import type { SealCertificate } from '../../../platform/crypto/signing-certificate.js';
import { addCertificatePages, type CertificateFacts } from './certificate-page.js';
import { drawFields, type FilledField } from './draw-fields.js';
import { type SealFacts, sealPdf } from './seal.js';

export type UnsignableReason = 'pdf_unreadable' | 'pdf_encrypted' | 'pdf_already_signed' | 'pdf_empty';

export class UnsignablePdfError extends Error {
  constructor(readonly reason: UnsignableReason) {
    super(reason);
  }
}

/** A page as a reader sees it, for placing fields: the CropBox turned by /Rotate. */
export interface PageShape {
  width: number;
  height: number;
  rotate: number;
}

/** Another signature in the file: re-saving it to add ours would break that one, so such a file is not sent. */
function alreadySigned(bytes: Buffer, doc: PDFDocument): boolean {
  if (bytes.includes('/ByteRange')) return true;
  return doc
    .getForm()
    .getFields()
    .some((f) => f.acroField.dict.get(PDFName.of('FT')) === PDFName.of('Sig'));
}

/** Loads a PDF, and reads its pages and form once: pdf-lib takes much without complaint and fails only on use. */
async function load(bytes: Buffer): Promise<PDFDocument> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    // pdf-lib's EncryptedPDFError is compiled for ES5, where instanceof does not see Error subclasses: its message tells.
    const encrypted = error instanceof Error && /is encrypted/.test(error.message);
    throw new UnsignablePdfError(encrypted ? 'pdf_encrypted' : 'pdf_unreadable');
  }
  try {
    doc.getPages();
    doc.getForm().getFields();
  } catch {
    throw new UnsignablePdfError('pdf_unreadable');
  }
  return doc;
}

/**
 * Whether a PDF can be sent for signing, and its pages as a reader sees them. Refused: what pdf-lib
 * cannot read, encrypted files (their content cannot be drawn on), files already signed, and files
 * without pages.
 */
export async function inspectForSigning(bytes: Buffer): Promise<PageShape[]> {
  const doc = await load(bytes);
  if (alreadySigned(bytes, doc)) throw new UnsignablePdfError('pdf_already_signed');
  const pages = doc.getPages().map((page) => {
    const box = page.getCropBox();
    const rotate = (((page.getRotation().angle % 360) + 360) % 360) as number;
    return rotate % 180 === 0
      ? { width: box.width, height: box.height, rotate }
      : { width: box.height, height: box.width, rotate };
  });
  if (pages.length === 0) throw new UnsignablePdfError('pdf_empty');
  return pages;
}

/** The file's own form fields turned into page content, so nothing fillable lies above the seal. */
function flattenForm(doc: PDFDocument) {
  const form = doc.getForm();
  if (form.getFields().length === 0) return;
  try {
    form.flatten();
  } catch {
    // Fields without appearances cannot be flattened: they go, with whatever they showed.
    for (const field of form.getFields()) form.removeField(field);
  }
}

/**
 * The signed copy of a document: the original's own form flattened, the signers' fields drawn in, the
 * certificate of completion appended, and the whole file sealed with the deployment's certificate.
 */
export async function sealDocument(input: {
  original: Buffer;
  fields: FilledField[];
  certificate: CertificateFacts;
  seal: SealCertificate;
  facts: SealFacts;
}): Promise<Buffer> {
  await inspectForSigning(input.original);
  const doc = await load(input.original);
  flattenForm(doc);
  await drawFields(doc, input.fields);
  await addCertificatePages(doc, input.certificate);
  return sealPdf(doc, input.seal, input.facts);
}

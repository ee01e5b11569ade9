import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';
import { SUBFILTER_ADOBE_PKCS7_DETACHED } from '@signpdf/utils';
import type { PDFDocument } from 'pdf-lib';
import type { SealCertificate } from '../../../platform/crypto/signing-certificate.js';

/** What the signature dictionary says: shown by PDF readers in the signature panel. */
export interface SealFacts {
  reason: string;
  /** The deployment's name (e.g. its host). */
  name: string;
  location: string;
  contactInfo: string;
  signingTime: Date;
}

/** Room for the CMS in /Contents: the RSA-2048 signature with its certificate takes about 1.5 KB of 16 KB. */
const SIGNATURE_LENGTH = 16_384;

/**
 * Seals a finished PDF with the deployment's certificate: an invisible signature field over the whole
 * file (adbe.pkcs7.detached, SHA-256), written last — any later change to a byte makes readers report
 * the document altered. `pdfDoc` must hold everything the document is to carry (filled fields, the
 * certificate page); it is saved here, without object streams, and signed.
 */
export async function sealPdf(pdfDoc: PDFDocument, seal: SealCertificate, facts: SealFacts): Promise<Buffer> {
  pdfDoc.setProducer('Deedbox');
  pdfDoc.setCreator('Deedbox');
  pdfDoc.setModificationDate(facts.signingTime);
  pdflibAddPlaceholder({
    pdfDoc,
    reason: facts.reason,
    name: facts.name,
    location: facts.location,
    contactInfo: facts.contactInfo,
    signingTime: facts.signingTime,
    signatureLength: SIGNATURE_LENGTH,
    subFilter: SUBFILTER_ADOBE_PKCS7_DETACHED,
    appName: 'Deedbox',
  });
  const unsigned = Buffer.from(await pdfDoc.save({ useObjectStreams: false }));
  // A P12Signer reads its key once: one per document.
  const signer = new P12Signer(seal.p12, { passphrase: seal.passphrase });
  return new SignPdf().sign(unsigned, signer, facts.signingTime);
}

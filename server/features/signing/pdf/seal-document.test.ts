import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { developmentSealCertificate } from '../../../platform/crypto/signing-certificate.js';
import { pdfsig } from '../../../test/pdfsig.js';
import { pdfText } from '../../documents/text/parse-pdf.js';
import { inspectForSigning, sealDocument, UnsignablePdfError } from './seal-document.js';
import { TINY_PNG } from './signing.fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-seal-document-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seal = developmentSealCertificate(dir, 'deedbox.test');
const signedAt = new Date('2026-12-02T08:20:30Z');

/** A contract with a fillable field of its own and a landscape page shown turned. */
async function original(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const first = doc.addPage([595, 842]);
  first.drawText('Service agreement', { x: 72, y: 760, font });
  const notes = doc.getForm().createTextField('notes');
  notes.setText('Filled before sending');
  notes.addToPage(first, { x: 72, y: 600, width: 200, height: 20 });
  doc.addPage([842, 595]).setRotation(degrees(90));
  return Buffer.from(await doc.save());
}

async function sealed(bytes: Buffer): Promise<Buffer> {
  return sealDocument({
    original: bytes,
    fields: [
      { page: 0, rect: { x: 0.1, y: 0.8, w: 0.3, h: 0.05 }, type: 'signature', png: TINY_PNG },
      { page: 0, rect: { x: 0.5, y: 0.8, w: 0.3, h: 0.03 }, type: 'name', text: 'Jürgen Groß' },
      { page: 1, rect: { x: 0.1, y: 0.1, w: 0.2, h: 0.03 }, type: 'date_signed', text: '2026-12-02' },
    ],
    certificate: {
      locale: 'en',
      timeZone: 'Europe/Berlin',
      envelopeId: '6f1c2c3e-8a4b-4d1e-9f00-1234567890ab',
      title: 'Service agreement',
      documentName: 'agreement.pdf',
      originalSha256: 'b'.repeat(64),
      originalPages: 2,
      sender: { name: 'Ada Admin', email: 'ada@acme.example' },
      sentAt: new Date('2026-12-01T09:00:00Z'),
      completedAt: signedAt,
      recipients: [],
      seal: { subject: seal.subject, fingerprint: seal.fingerprint },
    },
    seal,
    facts: {
      reason: 'Sealed by Deedbox',
      name: 'deedbox.test',
      location: 'Deedbox',
      contactInfo: '',
      signingTime: signedAt,
    },
  });
}

describe('the signed copy of a document', () => {
  it('flattens the file’s own form, draws the fields, appends the certificate and is sealed over the whole file', async () => {
    const out = await sealed(await original());
    expect(await pdfsig(out)).toMatchObject({ valid: true, wholeDocument: true, signatures: 1 });
    const reread = await PDFDocument.load(out);
    // Only our signature field is left: the form's own text field is page content now.
    expect(
      reread
        .getForm()
        .getFields()
        .map((f) => f.constructor.name),
    ).toEqual(['PDFSignature']);
    expect(reread.getPageCount()).toBe(3);
    const parsed = await pdfText(out, 100_000);
    if (parsed.status !== 'pages') throw new Error('unreadable');
    expect(parsed.pages[0]).toContain('Filled before sending');
    expect(parsed.pages[0]).toContain('Jürgen Groß');
    expect(parsed.pages[1]).toContain('2026-12-02');
    expect(parsed.pages[2]).toContain('Certificate of completion');
  });

  it('tells the pages as a reader sees them, and refuses files it cannot sign with the reason', async () => {
    expect(await inspectForSigning(await original())).toEqual([
      { width: 595, height: 842, rotate: 0 },
      { width: 595, height: 842, rotate: 90 },
    ]);
    const reason = async (bytes: Buffer) =>
      inspectForSigning(bytes).then(
        () => 'accepted',
        (error: unknown) => (error instanceof UnsignablePdfError ? error.reason : String(error)),
      );
    expect(await reason(await sealed(await original()))).toBe('pdf_already_signed');
    expect(await reason(Buffer.from('%PDF-1.7\nnot really'))).toBe('pdf_unreadable');
    // A classic trailer (no cross-reference stream) that names an /Encrypt dictionary.
    const classic = await (await PDFDocument.load(await original())).save({ useObjectStreams: false });
    const plain = Buffer.from(classic).toString('latin1');
    const encrypted = plain.replace(/trailer\s*<</, (m) => `${m}\n/Encrypt << /Filter /Standard /V 1 /R 2 >>`);
    expect(encrypted).not.toBe(plain);
    expect(await reason(Buffer.from(encrypted, 'latin1'))).toBe('pdf_encrypted');
  });
});

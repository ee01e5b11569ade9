import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { developmentSealCertificate } from '../../../platform/crypto/signing-certificate.js';
import { pdfsig } from '../../../test/pdfsig.js';
import { pdfText } from '../../documents/text/parse-pdf.js';
import {
  addCertificatePages,
  type CertificateFacts,
  type CertificateRecipient,
  evidenceTime,
} from './certificate-page.js';
import { sealPdf } from './seal.js';
import { TINY_PNG } from './signing.fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-certificate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const seal = developmentSealCertificate(dir, 'deedbox.test');

const CHROME =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36';

function signer(name: string, email: string, ip: string): CertificateRecipient {
  return {
    name,
    email,
    role: 'signer',
    verification: 'link_and_code',
    sentAt: new Date('2026-12-01T09:00:00Z'),
    viewedAt: new Date('2026-12-02T08:15:00Z'),
    viewIp: ip,
    viewUserAgent: CHROME,
    signedAt: new Date('2026-12-02T08:20:30Z'),
    signIp: ip,
    signUserAgent: CHROME,
    signaturePng: TINY_PNG,
  };
}

function facts(locale: 'en' | 'de', recipients: CertificateRecipient[]): CertificateFacts {
  return {
    locale,
    timeZone: 'Europe/Berlin',
    envelopeId: '6f1c2c3e-8a4b-4d1e-9f00-1234567890ab',
    title: 'Rahmenvertrag Reinigung 2027',
    documentName: 'Rahmenvertrag.pdf',
    originalSha256: 'a'.repeat(64),
    originalPages: 2,
    sender: { name: 'Ada Admin', email: 'ada@acme.example' },
    sentAt: new Date('2026-12-01T09:00:00Z'),
    completedAt: new Date('2026-12-02T08:20:30Z'),
    recipients,
    seal: { subject: seal.subject, fingerprint: seal.fingerprint },
  };
}

async function contract(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['Agreement', 'Signatures']) doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, font });
  return doc;
}

async function textOf(pdf: Buffer): Promise<string[]> {
  const parsed = await pdfText(pdf, 1_000_000);
  if (parsed.status !== 'pages') throw new Error(`unreadable: ${JSON.stringify(parsed)}`);
  return parsed.pages;
}

describe('the certificate of completion', () => {
  it('lists the original’s SHA-256, every signer with verification, times and addresses, and the seal; sealed it stays valid', async () => {
    const doc = await contract();
    await addCertificatePages(
      doc,
      facts('en', [
        signer('Jürgen Groß', 'juergen@partner.example', '198.51.100.7'),
        signer('Анна Иванова', 'anna@partner.example', '2001:db8::17'),
        {
          ...signer('Carl Copy', 'carl@acme.example', ''),
          role: 'cc',
          verification: null,
          viewedAt: null,
          signedAt: null,
          signaturePng: null,
        },
      ]),
    );
    const sealed = await sealPdf(doc, seal, {
      reason: 'Sealed by Deedbox',
      name: 'deedbox.test',
      location: 'Deedbox',
      contactInfo: 'https://deedbox.test',
      signingTime: new Date('2026-12-02T08:21:00Z'),
    });
    expect(await pdfsig(sealed)).toMatchObject({ valid: true, wholeDocument: true });
    const pages = await textOf(sealed);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const certificate = pages.slice(2).join('\n');
    for (const expected of [
      'Certificate of completion',
      'a'.repeat(64),
      'Jürgen Groß <juergen@partner.example>',
      'Анна Иванова <anna@partner.example>',
      'E-mail link and one-time code',
      '198.51.100.7',
      '2001:db8::17',
      '2026-12-02 08:20:30 UTC (2026-12-02 09:20:30 Europe/Berlin)',
      'Carl Copy',
      seal.fingerprint,
      seal.subject,
    ]) {
      expect(certificate.replace(/\s+/g, ' ')).toContain(expected);
    }
    // A long browser line wraps inside the page instead of running off it.
    expect(certificate).toContain('Chrome/126.0.0.0');
  });

  it('speaks German when the envelope does, and runs onto further pages when there are many signers', async () => {
    const doc = await contract();
    const many = Array.from({ length: 14 }, (_, i) =>
      signer(`Signer ${i + 1}`, `s${i + 1}@partner.example`, `192.0.2.${i + 1}`),
    );
    await addCertificatePages(doc, facts('de', many));
    const pages = await textOf(Buffer.from(await doc.save()));
    expect(pages.length).toBeGreaterThan(3);
    const certificate = pages.slice(2).join('\n').replace(/\s+/g, ' ');
    expect(certificate).toContain('Abschlusszertifikat');
    expect(certificate).toContain('E-Mail-Link und Einmalcode');
    expect(certificate).toContain('s14@partner.example');
    expect(certificate).toContain('192.0.2.14');
  });

  it('gives each time in UTC and in the organization’s zone', () => {
    const at = new Date('2026-07-01T22:30:00Z');
    expect(evidenceTime(at, 'Europe/Berlin')).toBe('2026-07-01 22:30:00 UTC (2026-07-02 00:30:00 Europe/Berlin)');
    expect(evidenceTime(at, 'UTC')).toBe('2026-07-01 22:30:00 UTC');
  });
});

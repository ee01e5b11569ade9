import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../config.js';
import {
  developmentSealCertificate,
  openSealCertificate,
  SealCertificateError,
  sealCertificateFor,
} from '../../../platform/crypto/signing-certificate.js';
import { problemsOf } from '../../../test/config-problems.js';
import { pdfsig } from '../../../test/pdfsig.js';
import { sealPdf } from './seal.js';

const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-seal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const facts = {
  reason: 'Sealed by Deedbox: completed e-signing',
  name: 'deedbox.test',
  location: 'Deedbox',
  contactInfo: 'https://deedbox.test',
  signingTime: new Date('2026-12-07T10:00:00Z'),
};

async function twoPages(): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ['Service agreement', 'Signatures'])
    doc.addPage([595, 842]).drawText(text, { x: 72, y: 760, font });
  return doc;
}

/** The offset of a byte inside the signed ranges: in the first page's content, far from /Contents. */
function contentByte(pdf: Buffer): number {
  return pdf.indexOf(Buffer.from('stream')) + 20;
}

describe('sealing a PDF with the deployment certificate', () => {
  const seal = developmentSealCertificate(dir, 'deedbox.test');

  it('gives a signature pdfsig reports valid over the whole document, and broken after one changed byte', async () => {
    const sealed = await sealPdf(await twoPages(), seal, facts);
    const report = await pdfsig(sealed);
    expect(report, report.output).toMatchObject({
      signatures: 1,
      valid: true,
      wholeDocument: true,
      // Self-signed: the signature is sound, the issuer is no authority this machine trusts.
      issuerUnknown: true,
      signatureType: 'adbe.pkcs7.detached',
      signerName: 'Deedbox development seal (deedbox.test)',
    });
    expect((await PDFDocument.load(sealed)).getPageCount()).toBe(2);

    const altered = Buffer.from(sealed);
    altered[contentByte(altered)]! ^= 0x01;
    const broken = await pdfsig(altered);
    expect(broken, broken.output).toMatchObject({ valid: false, digestMismatch: true });

    const extended = Buffer.concat([sealed, Buffer.from('\n% appended\n')]);
    expect(await pdfsig(extended)).toMatchObject({ wholeDocument: false });
  });

  it('keeps one development seal per data folder, and names its fingerprint', () => {
    const again = developmentSealCertificate(dir, 'deedbox.test');
    expect(again.fingerprint).toBe(seal.fingerprint);
    expect(seal.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(seal).toMatchObject({ selfSigned: true, subject: 'Deedbox development seal (deedbox.test)' });
    // openssl agrees on the fingerprint of the certificate inside the file.
    const pem = execFileSync('openssl', [
      'pkcs12',
      '-in',
      path.join(dir, 'signing-dev.p12'),
      '-nokeys',
      '-passin',
      `file:${path.join(dir, 'signing-dev.passphrase')}`,
    ]);
    const fingerprint = execFileSync('openssl', ['x509', '-noout', '-fingerprint', '-sha256'], { input: pem })
      .toString()
      .split('=')[1]!
      .trim();
    expect(fingerprint).toBe(seal.fingerprint);
  });

  it('opens a PKCS#12 file made by openssl, and refuses a wrong passphrase, a file without a key and an expired certificate', () => {
    const key = path.join(dir, 'seal.key');
    const crt = path.join(dir, 'seal.crt');
    const p12 = path.join(dir, 'seal.p12');
    const subj = '/CN=Acme Seal/O=Acme';
    execFileSync('openssl', [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      crt,
      '-days',
      '30',
      '-subj',
      subj,
    ]);
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', crt, '-out', p12, '-passout', 'pass:secret']);
    const opened = openSealCertificate(readFileSync(p12), 'secret');
    expect(opened).toMatchObject({ subject: 'Acme Seal', selfSigned: true });

    expect(() => openSealCertificate(readFileSync(p12), 'wrong')).toThrow(SealCertificateError);
    expect(() => openSealCertificate(readFileSync(p12), 'wrong')).toThrow(/wrong passphrase/);
    const certOnly = path.join(dir, 'cert-only.p12');
    execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', crt, '-out', certOnly, '-passout', 'pass:secret']);
    expect(() => openSealCertificate(readFileSync(certOnly), 'secret')).toThrow(/no private key/);
    const later = new Date(Date.now() + 40 * 86_400_000);
    expect(() => openSealCertificate(readFileSync(p12), 'secret', later)).toThrow(/expired/);
    writeFileSync(path.join(dir, 'garbage.p12'), 'not a p12');
    expect(() => openSealCertificate(readFileSync(path.join(dir, 'garbage.p12')), 'x')).toThrow(SealCertificateError);
  });

  it('comes from configuration: a checked PKCS#12, a development seal, or none in production', () => {
    const production = {
      NODE_ENV: 'production',
      SECRET_KEY: 'k'.repeat(40),
      MASTER_KEYS: `1:${Buffer.alloc(32, 7).toString('base64')}`,
      SMTP_URL: 'smtp://mail.example.com:587',
      TRUST_PROXY: 'true',
      APP_URL: 'https://contracts.acme.example',
    };
    expect(loadConfig(production).signing).toEqual({ kind: 'none', name: 'contracts.acme.example' });
    expect(sealCertificateFor(loadConfig(production).signing)).toBeNull();

    const p12 = path.join(dir, 'configured.p12');
    writeFileSync(p12, seal.p12);
    const configured = loadConfig({ ...production, SIGNING_P12_FILE: p12, SIGNING_P12_PASSPHRASE: seal.passphrase });
    expect(sealCertificateFor(configured.signing)?.fingerprint).toBe(seal.fingerprint);
    const problems = problemsOf({ ...production, SIGNING_P12_FILE: p12, SIGNING_P12_PASSPHRASE: 'not-the-passphrase' });
    expect(problems).toEqual([
      'SIGNING_P12_FILE: the PKCS#12 file cannot be opened: wrong passphrase or not a PKCS#12 file',
    ]);

    // Tests and development without a folder: one seal for the life of the process.
    const memory = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:', SIGNING_NAME: 'Acme test' }).signing;
    expect(memory).toEqual({ kind: 'development', dir: null, name: 'Acme test' });
    const first = sealCertificateFor(memory)!;
    expect(first.subject).toBe('Deedbox development seal (Acme test)');
    expect(sealCertificateFor(memory)!.fingerprint).toBe(first.fingerprint);
  });
});

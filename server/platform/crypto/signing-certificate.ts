import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import type { SigningConfig } from '../../config.js';

/** The deployment's seal: a PKCS#12 file with one private key and its certificate, and the facts the certificate page prints. */
export interface SealCertificate {
  p12: Buffer;
  passphrase: string;
  subject: string;
  /** SHA-256 of the certificate's DER, as hex pairs: what a reader compares with the signature panel. */
  fingerprint: string;
  notBefore: Date;
  notAfter: Date;
  selfSigned: boolean;
}

export class SealCertificateError extends Error {}

function commonName(name: forge.pki.Certificate['subject']): string {
  const cn = name.getField('CN') as { value?: string } | null;
  return cn?.value ?? name.attributes.map((a) => `${a.shortName ?? a.name}=${a.value}`).join(', ');
}

/**
 * Opens a PKCS#12 file and checks it can seal: the passphrase opens it, it holds one private key and the
 * certificate of that key, and the certificate is valid at `now`. Every refusal names what is wrong
 * (never the passphrase).
 */
export function openSealCertificate(p12: Buffer, passphrase: string, now = new Date()): SealCertificate {
  let parsed: forge.pkcs12.Pkcs12Pfx;
  try {
    parsed = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(forge.util.createBuffer(p12.toString('binary'))),
      passphrase,
    );
  } catch {
    throw new SealCertificateError('the PKCS#12 file cannot be opened: wrong passphrase or not a PKCS#12 file');
  }
  const bagsOf = (type: string | undefined): forge.pkcs12.Bag[] =>
    type ? (parsed.getBags({ bagType: type })[type] ?? []) : [];
  const keyBags = [...bagsOf(forge.pki.oids.pkcs8ShroudedKeyBag), ...bagsOf(forge.pki.oids.keyBag)];
  const key = keyBags.find((b) => b.key)?.key as forge.pki.rsa.PrivateKey | undefined;
  if (!key) throw new SealCertificateError('the PKCS#12 file holds no private key');
  if (keyBags.length > 1) throw new SealCertificateError('the PKCS#12 file holds more than one private key');
  const certificate = bagsOf(forge.pki.oids.certBag)
    .map((b) => b.cert)
    .find((c): c is forge.pki.Certificate => {
      const pub = c?.publicKey as forge.pki.rsa.PublicKey | undefined;
      return Boolean(pub?.n?.equals(key.n));
    });
  if (!certificate) throw new SealCertificateError('the PKCS#12 file holds no certificate for its private key');
  const { notBefore, notAfter } = certificate.validity;
  if (now < notBefore) throw new SealCertificateError(`the certificate is valid only from ${notBefore.toISOString()}`);
  if (now > notAfter) throw new SealCertificateError(`the certificate expired on ${notAfter.toISOString()}`);
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(certificate)).getBytes(), 'binary');
  return {
    p12,
    passphrase,
    subject: commonName(certificate.subject),
    fingerprint: createHash('sha256')
      .update(der)
      .digest('hex')
      .toUpperCase()
      .replace(/(..)(?=.)/g, '$1:'),
    notBefore,
    notAfter,
    selfSigned: certificate.isIssuer(certificate),
  };
}

const DEV_FILE = 'signing-dev.p12';
const DEV_PASSPHRASE_FILE = 'signing-dev.passphrase';

/** A new self-signed seal: RSA-2048, valid three years, for digital signatures and non-repudiation. */
function makeDevelopmentSeal(name: string, now: Date): { p12: Buffer; passphrase: string } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs1', format: 'pem' }).toString());
  const certificate = forge.pki.createCertificate();
  certificate.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString());
  certificate.serialNumber = `01${randomBytes(15).toString('hex')}`;
  certificate.validity.notBefore = new Date(now.getTime() - 60_000);
  certificate.validity.notAfter = new Date(now.getTime() + 3 * 365 * 86_400_000);
  const subject = [
    { name: 'commonName', value: `Deedbox development seal (${name})` },
    { name: 'organizationName', value: 'Deedbox development' },
  ];
  certificate.setSubject(subject);
  certificate.setIssuer(subject);
  certificate.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  certificate.sign(key, forge.md.sha256.create());
  const passphrase = randomBytes(24).toString('base64url');
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [certificate], passphrase, {
    algorithm: 'aes256',
    friendlyName: 'deedbox-seal',
  });
  return { p12: Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary'), passphrase };
}

/**
 * Development and tests only: a self-signed seal made on first use in DATA_DIR and kept there, so every
 * document sealed by this installation names the same certificate. Production configures its own
 * (SIGNING_P12_FILE).
 */
export function developmentSealCertificate(dataDir: string, name: string, now = new Date()): SealCertificate {
  const file = path.join(dataDir, DEV_FILE);
  const passFile = path.join(dataDir, DEV_PASSPHRASE_FILE);
  if (existsSync(file) && existsSync(passFile)) {
    return openSealCertificate(readFileSync(file), readFileSync(passFile, 'utf8').trim(), now);
  }
  const { p12, passphrase } = makeDevelopmentSeal(name, now);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(passFile, passphrase, { mode: 0o600 });
  writeFileSync(file, p12, { mode: 0o600 });
  return openSealCertificate(p12, passphrase, now);
}

/** Development seals of DATA_DIR=:memory: processes, one per name, for the life of the process. */
const inMemory = new Map<string, SealCertificate>();

/** The seal this deployment signs with, or null when it has none (production without SIGNING_P12_FILE). */
export function sealCertificateFor(signing: SigningConfig): SealCertificate | null {
  switch (signing.kind) {
    case 'configured':
      return signing.certificate;
    case 'none':
      return null;
    case 'development': {
      if (signing.dir) return developmentSealCertificate(signing.dir, signing.name);
      let seal = inMemory.get(signing.name);
      if (!seal) {
        const made = makeDevelopmentSeal(signing.name, new Date());
        seal = openSealCertificate(made.p12, made.passphrase);
        inMemory.set(signing.name, seal);
      }
      return seal;
    }
  }
}

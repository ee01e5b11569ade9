import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** What poppler's pdfsig says of a PDF's (first) signature. */
export interface PdfsigReport {
  signatures: number;
  /** "Signature Validation: Signature is Valid." */
  valid: boolean;
  /** "Digest Mismatch.": a signed byte was changed. */
  digestMismatch: boolean;
  /** "Total document signed": nothing was added after the signature. */
  wholeDocument: boolean;
  /** "Certificate issuer is unknown.": self-signed or from a CA this machine does not trust. */
  issuerUnknown: boolean;
  signatureType: string | null;
  signerName: string | null;
  output: string;
}

/**
 * pdfsig from poppler-utils, without network lookups (-no-ocsp). It exits 0 for valid and broken
 * signatures alike, so the report is read from what it prints.
 */
export async function pdfsig(pdf: Buffer): Promise<PdfsigReport> {
  const dir = await mkdtemp(path.join(tmpdir(), 'deedbox-pdfsig-'));
  try {
    const file = path.join(dir, 'document.pdf');
    await writeFile(file, pdf);
    const { stdout } = await run('pdfsig', ['-no-ocsp', file]).catch((error: { stdout?: string; code?: unknown }) => {
      // No signature at all is exit code 2 with a line saying so; anything else is a broken tool.
      if (typeof error.stdout === 'string' && error.stdout.includes('does not contain any signatures'))
        return { stdout: error.stdout };
      throw error;
    });
    const field = (label: string) => new RegExp(`${label}: (.*)`).exec(stdout)?.[1]?.trim() ?? null;
    return {
      signatures: (stdout.match(/^Signature #\d+:/gm) ?? []).length,
      valid: stdout.includes('Signature Validation: Signature is Valid.'),
      digestMismatch: stdout.includes('Digest Mismatch.'),
      wholeDocument: stdout.includes('Total document signed'),
      issuerUnknown: stdout.includes('Certificate issuer is unknown.'),
      signatureType: field('Signature Type'),
      signerName: field('Signer Certificate Common Name'),
      output: stdout,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

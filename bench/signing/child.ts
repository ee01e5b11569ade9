/**
 * One measured operation in a process of its own, so its peak memory is the operation's:
 * `child.ts seal|raw <input.pdf> <pages> <output.pdf> <seal dir> <second signer>`. Both modes first do the same
 * work once on a 2-page file (code loaded and compiled, as in a worker that has sealed before), then
 * the peak is reset and the operation on the input timed. Prints one JSON line.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import { sealDocument } from '../../server/features/signing/pdf/seal-document.js';
import { developmentSealCertificate } from '../../server/platform/crypto/signing-certificate.js';
import { memory, resetPeak } from '../server-process.js';
import { certificateFor, fieldsFor, makeOriginal, signers } from './document.js';

const [mode, input, pageCount, output, sealDir, secondSigner] = process.argv.slice(2);
const pages = Number(pageCount);
if ((mode !== 'seal' && mode !== 'raw') || !input || !(pages > 0) || !output || !sealDir || !secondSigner) {
  throw new Error('usage: child.ts seal|raw <input.pdf> <pages> <output.pdf> <seal dir> <second signer>');
}

// Opened before anything is timed, as the server opens its configured certificate at start.
const seal = developmentSealCertificate(sealDir, 'bench.deedbox.test');
const list = signers(secondSigner);

/** What the seal job does with a document's bytes and the facts it gathered: fields, certificate page, seal. */
function sealed(original: Buffer, pages: number): () => Promise<Buffer> {
  return () =>
    sealDocument({
      original,
      fields: fieldsFor(list, pages),
      certificate: certificateFor(original, pages, list, { subject: seal.subject, fingerprint: seal.fingerprint }),
      seal,
      facts: {
        reason: 'Sealed by Deedbox: completed e-signing 0b7d4c1e-2f3a-4b5c-8d9e-0123456789ab',
        name: 'bench.deedbox.test',
        location: 'Deedbox',
        contactInfo: 'https://bench.deedbox.test',
        signingTime: new Date('2026-12-07T09:40:00Z'),
      },
    });
}

/** The floor: pdf-lib loads the file and saves it again, with the options the seal uses. */
function raw(original: Buffer): () => Promise<Buffer> {
  return async () => {
    const doc = await PDFDocument.load(original, { updateMetadata: false });
    return Buffer.from(await doc.save({ useObjectStreams: false }));
  };
}

const prepare: (original: Buffer, pages: number) => () => Promise<Buffer> = mode === 'seal' ? sealed : raw;
await prepare(await makeOriginal(2), 2)();

const work = prepare(await readFile(input), pages);
const reset = resetPeak(process.pid);
const rssBefore = memory(process.pid).rss;
const start = process.hrtime.bigint();
const cpuStart = process.cpuUsage();
const out = await work();
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const { user, system } = process.cpuUsage(cpuStart);
const peak = reset ? memory(process.pid).hwm : process.resourceUsage().maxRSS / 1024;
await writeFile(output, out);
console.log(
  JSON.stringify({ seconds, cpu: (user + system) / 1e6, rssBefore, peak, peakSinceStart: reset, bytes: out.length }),
);

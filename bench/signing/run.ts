/**
 * `npx tsx bench/signing/run.ts`: sealing a generated 100-page contract through `sealDocument` (ten
 * fields of two signers drawn, the certificate of completion appended, sealed with the development
 * certificate) against pdf-lib loading and saving the same file, each in a process of its own, time and
 * peak RSS, several runs, medians (bench/README.md, "Sealing"). Needs pdfsig (poppler-utils); no
 * database. Options: --pages N (100), --runs N (5), --cyrillic (the second signer is named in Cyrillic,
 * so DejaVu Sans is embedded for the fields and the certificate).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { PDFDocument } from 'pdf-lib';
import { developmentSealCertificate } from '../../server/platform/crypto/signing-certificate.js';
import { pdfsig } from '../../server/test/pdfsig.js';
import { machineLoad, runMeasured } from '../server-process.js';
import { makeOriginal } from './document.js';

const { values: options } = parseArgs({
  options: {
    pages: { type: 'string', default: '100' },
    runs: { type: 'string', default: '5' },
    cyrillic: { type: 'boolean', default: false },
  },
});
const PAGES = Number(options.pages);
const RUNS = Number(options.runs);
if (!(Number.isInteger(PAGES) && PAGES > 0 && Number.isInteger(RUNS) && RUNS > 0)) {
  throw new Error('--pages and --runs take a whole number above 0');
}
const SECOND_SIGNER = options.cyrillic ? 'Анна Петрова' : 'Maria Schneider';
const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

const log = (line: string) => console.log(line);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(2);

/** What child.ts reports of its one operation. */
interface Operation {
  /** The operation alone, seconds. */
  seconds: number;
  /** CPU seconds (user + system, all threads) the child spent on the operation: less moved by other load than wall time. */
  cpu: number;
  /** The child's RSS after start-up and the warm-up, just before the operation (MB). */
  rssBefore: number;
  /** The child's peak RSS during the operation (MB): VmHWM reset before it where Linux allows, else its whole life's. */
  peak: number;
  peakSinceStart: boolean;
  bytes: number;
  /** The child process from start to exit (Node, tsx, imports, warm-up, reading and writing the files). */
  processSeconds: number;
}

async function operation(mode: 'seal' | 'raw', input: string, output: string, sealDir: string): Promise<Operation> {
  const run = await runMeasured(process.execPath, [
    '--import',
    'tsx',
    CHILD,
    mode,
    input,
    String(PAGES),
    output,
    sealDir,
    SECOND_SIGNER,
  ]);
  const reported = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Omit<Operation, 'processSeconds'>;
  return { ...reported, processSeconds: run.seconds };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** The sealed file is what the app would store: pdfsig finds one valid signature over all of it. */
async function check(sealed: string, rawOut: string) {
  const report = await pdfsig(await readFile(sealed));
  if (!(report.signatures === 1 && report.valid && report.wholeDocument)) {
    throw new Error(`pdfsig does not find the seal valid over the whole file:\n${report.output}`);
  }
  const pages = (await PDFDocument.load(await readFile(sealed))).getPageCount();
  const rawPages = (await PDFDocument.load(await readFile(rawOut))).getPageCount();
  if (pages <= PAGES || rawPages !== PAGES) throw new Error(`sealed ${pages} pages, saved ${rawPages}, of ${PAGES}`);
  return { certificatePages: pages - PAGES, signer: report.signerName };
}

function report(runs: { seal: Operation; raw: Operation }[], originalBytes: number) {
  const row = (label: string, pick: (r: { seal: Operation; raw: Operation }) => Operation) => {
    const ops = runs.map(pick);
    const time = ops.map((o) => o.seconds);
    const cells = [
      `${median(time).toFixed(2)} s`,
      `${Math.min(...time).toFixed(2)}-${Math.max(...time).toFixed(2)}`,
      `${median(ops.map((o) => o.cpu)).toFixed(2)} s`,
      `${median(ops.map((o) => o.processSeconds)).toFixed(2)} s`,
      `${median(ops.map((o) => o.rssBefore)).toFixed(0)} MB`,
      `${median(ops.map((o) => o.peak)).toFixed(0)} MB`,
      `${median(ops.map((o) => o.peak - o.rssBefore)).toFixed(0)} MB`,
      `${mib(ops[0]!.bytes)} MiB`,
    ];
    log(`${label.padEnd(34)}${cells.map((c, i) => c.padStart([10, 12, 9, 11, 12, 11, 11, 12][i]!)).join('')}`);
  };
  log(`\n${PAGES} pages, ${mib(originalBytes)} MiB; ${runs.length} runs, medians (time: also the range)`);
  log(
    `${''.padEnd(34)}${'time'.padStart(10)}${'range'.padStart(12)}${'CPU'.padStart(9)}${'process'.padStart(11)}` +
      `${'RSS before'.padStart(12)}${'peak RSS'.padStart(11)}${'added'.padStart(11)}${'output'.padStart(12)}`,
  );
  row('pdf-lib load + save (floor)', (r) => r.raw);
  row('sealDocument (fields, cert, seal)', (r) => r.seal);
  const ratio = (pick: (o: Operation) => number) =>
    median(runs.map((r) => pick(r.seal))) / median(runs.map((r) => pick(r.raw)));
  log(
    `ratio seal / floor: time ${ratio((o) => o.seconds).toFixed(2)}, CPU ${ratio((o) => o.cpu).toFixed(2)}, peak RSS ${ratio((o) => o.peak).toFixed(2)}, ` +
      `added RSS ${ratio((o) => o.peak - o.rssBefore).toFixed(2)}`,
  );
  if (runs.some((r) => !r.seal.peakSinceStart || !r.raw.peakSinceStart)) {
    log('(the peak could not be reset before the operation: it is the whole child process’s maxRSS)');
  }
  log(
    'time = the operation alone, in its child (after a warm-up on a 2-page file); CPU = its user + system time; ' +
      'process = the child from start to ' +
      'exit; RSS before = the child after start-up and warm-up; added = peak - before',
  );
}

async function main() {
  log(`start: ${machineLoad()}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deedbox-bench-signing-'));
  try {
    const input = path.join(dir, 'original.pdf');
    const original = await makeOriginal(PAGES);
    await writeFile(input, original);
    const seal = developmentSealCertificate(path.join(dir, 'seal'), 'bench.deedbox.test');
    log(
      `original: ${PAGES} pages, ${mib(original.length)} MiB; seal: ${seal.subject}; second signer: ${SECOND_SIGNER}`,
    );
    const out = { seal: path.join(dir, 'sealed.pdf'), raw: path.join(dir, 'saved.pdf') };
    const runs: { seal: Operation; raw: Operation }[] = [];
    for (let i = 0; i < RUNS; i++) {
      // The order alternates, so neither side always meets the cache or the load first.
      const order = i % 2 === 0 ? (['raw', 'seal'] as const) : (['seal', 'raw'] as const);
      const run: Partial<Record<'seal' | 'raw', Operation>> = {};
      for (const mode of order) run[mode] = await operation(mode, input, out[mode], path.join(dir, 'seal'));
      const { raw, seal } = run as { seal: Operation; raw: Operation };
      runs.push({ raw, seal });
      log(
        `run ${i + 1} (${order.join(', ')}): floor ${raw.seconds.toFixed(2)} s (CPU ${raw.cpu.toFixed(2)} s), ` +
          `seal ${seal.seconds.toFixed(2)} s (CPU ${seal.cpu.toFixed(2)} s)`,
      );
    }
    const checked = await check(out.seal, out.raw);
    log(
      `pdfsig: the sealed file's one signature is valid over the whole document (${checked.signer}); ` +
        `${checked.certificatePages} certificate page(s) appended`,
    );
    report(runs, original.length);
    log(`end: ${machineLoad()}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * `npm run bench:export`: the export of the whole account (server/features/account-exports) of an org
 * with 100,000 contracts and 10,000 documents of 1 GiB together: its time and the server's memory
 * meanwhile, against zipping the same document bytes from plain files with yazl in the same run
 * (bench/README.md, "Account export"). `--scale S` or BENCH_SCALE=S runs at a share of that size.
 * Needs PostgreSQL on 127.0.0.1:5432; makes and drops the database deedbox_bench_export and a
 * temporary directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import { loadConfig } from '../../server/config.js';
import { createBlobStore } from '../../server/platform/storage/create-store.js';
import { startServer } from '../../server/server.js';
import { BENCH_PG_ROOT, inFreshWorkspace } from '../pg-admin.js';
import { post } from '../repository/http.js';
import { ADMIN, seedBigOrg } from '../repository/seed.js';
import { benchScale, scaled } from '../scale.js';
import { compileServer, machineLoad, memory, type ServerProcess, startServerProcess } from '../server-process.js';
import { benchMailSink } from '../sign-up.js';
import { type SeededDocuments, seedDocuments } from './documents.js';
import { rawZip } from './raw-zip.js';

const DB_NAME = 'deedbox_bench_export';
const DB_URL = `${BENCH_PG_ROOT}/${DB_NAME}`;
const SCALE = benchScale();
const CONTRACTS = scaled(100_000, SCALE);
const PARTNERS = scaled(5_000, SCALE);
const DOCUMENTS = scaled(10_000, SCALE);
const BYTES = Math.round(2 ** 30 * SCALE);
const args = process.argv.slice(2);
/** `--heap MB`: the server runs with V8's old space capped there; an export that still completes keeps no per-row memory beyond it. */
const HEAP_MB = args.includes('--heap') ? Number(args[args.indexOf('--heap') + 1]) : null;
const POLL_MS = 100;
const SAMPLE_MS = 20;

const log = (line: string) => console.log(line);
const mib = (bytes: number) => bytes / 2 ** 20;

interface ExportRow {
  id: string;
  status: string;
  done: number;
  total: number;
  size: number | null;
  error: string | null;
  counts: Record<string, number> | null;
  startedAt: string | null;
  finishedAt: string | null;
}

/** Everything the app's server needs, shared by the seeding server in this process and the measured one. */
function serverEnv(dir: string, smtpUrl: string): Record<string, string> {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: DB_URL,
    DATA_DIR: path.join(dir, 'data'),
    TMPDIR: path.join(dir, 'tmp'),
    MASTER_KEYS: `1:${randomBytes(32).toString('base64')}`,
    SECRET_KEY: randomBytes(32).toString('base64url'),
    SMTP_URL: smtpUrl,
    RATE_LIMIT: 'false',
    LOG_LEVEL: 'warn',
    WORKER: 'false',
  };
}

/** The big org signed up through the API, its contracts in SQL (the repository bench's seed), its documents sealed into the store. */
async function seedAll(env: Record<string, string>, sink: Parameters<typeof seedBigOrg>[1], plainDir: string) {
  const config = loadConfig(env);
  const server = await startServer(config, { logStream: new Writable({ write: (_c, _e, done) => done() }) });
  const store = await createBlobStore(config.storage);
  try {
    log(`seeding 1 org: ${CONTRACTS} contracts, ${PARTNERS} partners (bench/repository/seed.ts) ...`);
    const who = await seedBigOrg(server.url, sink, DB_URL, log, {
      orgs: 1,
      contractsPerOrg: CONTRACTS,
      partnersPerOrg: PARTNERS,
    });
    log(`seeding ${DOCUMENTS} documents, ${mib(BYTES).toFixed(0)} MiB ...`);
    const docs = await seedDocuments(
      {
        url: DB_URL,
        database: server.database,
        keyring: config.masterKeys,
        store,
        ...who,
        count: DOCUMENTS,
        totalBytes: BYTES,
        plainDir,
      },
      log,
    );
    return docs;
  } finally {
    await store.close();
    await server.stop();
  }
}

async function signIn(baseUrl: string) {
  const { cookies } = await post(
    `${baseUrl}/api/v1/auth/sign-in`,
    { email: ADMIN.email, password: ADMIN.password },
    200,
  );
  return {
    cookie: cookies.join('; '),
    csrf: cookies.find((c) => c.startsWith('dbx_csrf='))!.slice('dbx_csrf='.length),
  };
}

interface AppRun {
  seconds: number;
  /** The job's own time, from the row's startedAt to finishedAt. */
  jobSeconds: number;
  row: ExportRow;
  rssStart: number;
  rssPeak: number;
  rssEnd: number;
  /** The peak RSS in each quarter of the build. */
  quarters: number[];
  /** When the job's progress (saved about once a second) showed the document files begin and end, seconds from the request. */
  files: { from: number; to: number };
}

/** The stretch of the build that wrote document files: progress counts records twice (JSON, CSV), then one step per file. */
function filesPhase(timeline: [number, number][], row: ExportRow): { from: number; to: number } {
  const counts = row.counts ?? {};
  const { documents = 0, documentFiles = 0, activityLog: _log = 0, ...datasets } = counts;
  const before = 2 * (Object.values(datasets).reduce((a, b) => a + b, 0) + documents);
  const from = timeline.filter(([, done]) => done <= before).at(-1)?.[0] ?? 0;
  const to = timeline.find(([, done]) => done >= before + documentFiles)?.[0] ?? timeline.at(-1)![0];
  return { from: from / 1000, to: to / 1000 };
}

/** Requests the export through the API and polls it until it is done, sampling the server's RSS meanwhile. */
async function measureApp(server: ServerProcess): Promise<AppRun> {
  const session = await signIn(server.url);
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf };
  const rssStart = memory(server.pid).rss;
  const samples: [number, number][] = [];
  const start = Date.now();
  const timer = setInterval(() => samples.push([Date.now() - start, memory(server.pid).rss]), SAMPLE_MS);
  try {
    const asked = await fetch(`${server.url}/api/v1/account-exports`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ locale: 'en' }),
    });
    if (asked.status !== 201) throw new Error(`POST /account-exports answered ${asked.status}: ${await asked.text()}`);
    const { id } = (await asked.json()) as { id: string };
    const timeline: [number, number][] = [];
    for (;;) {
      const res = await fetch(`${server.url}/api/v1/account-exports/${id}`, { headers });
      const row = (await res.json()) as ExportRow;
      timeline.push([Date.now() - start, row.done]);
      if (row.status === 'failed') throw new Error(`the export failed: ${row.error}`);
      if (row.status === 'done') {
        const seconds = (Date.now() - start) / 1000;
        clearInterval(timer);
        const quarter = (q: number) =>
          Math.max(
            0,
            ...samples
              .filter(([t]) => t >= (q * seconds * 1000) / 4 && t < ((q + 1) * seconds * 1000) / 4)
              .map(([, r]) => r),
          );
        const rssPeak = Math.max(rssStart, ...samples.map(([, r]) => r));
        return {
          seconds,
          jobSeconds: (Date.parse(row.finishedAt!) - Date.parse(row.startedAt!)) / 1000,
          row,
          rssStart,
          rssPeak,
          rssEnd: memory(server.pid).rss,
          quarters: [0, 1, 2, 3].map(quarter),
          files: filesPhase(timeline, row),
        };
      }
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  } finally {
    clearInterval(timer);
  }
}

function report(docs: SeededDocuments, app: AppRun, raw: { seconds: number; size: number }) {
  const counts = app.row.counts ?? {};
  if (counts.documentFiles !== docs.files) {
    throw new Error(`the export holds ${counts.documentFiles} document files, ${docs.files} were seeded`);
  }
  const rate = (seconds: number) => `${(mib(docs.bytes) / seconds).toFixed(1)} MiB/s`;
  log(
    `\nexport of 1 org: ${counts.contracts ?? '?'} contracts, ${counts.partners ?? '?'} partners, ${docs.documents} documents ` +
      `(${docs.files} files, ${mib(docs.bytes).toFixed(1)} MiB of document bytes); scale ${SCALE}`,
  );
  log(
    `${''.padEnd(44)}${'time'.padStart(10)}${'docs rate'.padStart(14)}${'output'.padStart(14)}${'ratio'.padStart(8)}`,
  );
  const line = (label: string, seconds: number, size: number, ratio: string) =>
    log(
      `${label.padEnd(44)}${`${seconds.toFixed(1)} s`.padStart(10)}${rate(seconds).padStart(14)}${`${mib(size).toFixed(1)} MiB`.padStart(14)}${ratio.padStart(8)}`,
    );
  line('raw: plaintext files → yazl → file', raw.seconds, raw.size, '1.00');
  line('app: request → export done (client)', app.seconds, app.row.size ?? 0, (app.seconds / raw.seconds).toFixed(2));
  line(
    'app: the job alone (startedAt → finishedAt)',
    app.jobSeconds,
    app.row.size ?? 0,
    (app.jobSeconds / raw.seconds).toFixed(2),
  );
  const files = app.files.to - app.files.from;
  log(
    `app: the document files alone, about ${files.toFixed(1)} s (from ${app.files.from.toFixed(1)} to ${app.files.to.toFixed(1)} s, ` +
      `by the job's progress, saved about once a second): ${rate(files)}, ratio ${(files / raw.seconds).toFixed(2)}`,
  );
  log(
    `server RSS (MB${HEAP_MB ? `, old space capped at ${HEAP_MB} MB` : ''}): start ${app.rssStart.toFixed(0)}, peak ${app.rssPeak.toFixed(0)}, end ${app.rssEnd.toFixed(0)}; ` +
      `peak per quarter of the build ${app.quarters.map((q) => q.toFixed(0)).join(' / ')}`,
  );
  log(`ratio = time / raw time (1.00 = as fast as the raw floor); record counts: ${JSON.stringify(counts)}`);
}

async function main() {
  log(`start: ${machineLoad()}`);
  await inFreshWorkspace([DB_NAME], 'deedbox-bench-export-', async (dir) => {
    const plainDir = path.join(dir, 'plain');
    await Promise.all(['data', 'tmp', 'plain'].map((d) => mkdir(path.join(dir, d))));
    const { sink, smtpUrl } = await benchMailSink();
    let server: ServerProcess | undefined;
    try {
      const env = serverEnv(dir, smtpUrl);
      const docs = await seedAll(env, sink, plainDir);
      const main = compileServer(log);
      server = await startServerProcess(
        main,
        { ...env, WORKER: 'true', WORKER_JOBS: 'account-exports.build' },
        HEAP_MB ? [`--max-old-space-size=${HEAP_MB}`] : [],
      );
      log(`server: compiled, own process (pid ${server.pid}), web server and the export job only`);
      log('raw floor: zipping the plaintext files ...');
      const rawStart = process.hrtime.bigint();
      const zipped = await rawZip(docs.plainFiles, path.join(dir, 'raw.zip'));
      const raw = { seconds: Number(process.hrtime.bigint() - rawStart) / 1e9, size: zipped.size };
      await rm(path.join(dir, 'raw.zip'));
      log('app: exporting the account ...');
      const app = await measureApp(server);
      report(docs, app, raw);
      log(`end: ${machineLoad()}`);
    } finally {
      await server?.stop();
      await sink.stop();
    }
  });
}

await main();

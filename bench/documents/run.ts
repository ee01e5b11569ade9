/**
 * `npm run bench:documents`: a 1 GiB upload and download through the API against a bare
 * AES-256-GCM file loop measured in the same run, and the server's peak RSS meanwhile
 * (bench/README.md, "Documents"). Needs PostgreSQL on 127.0.0.1:5432; uses and drops the
 * database deedbox_bench_documents and a temporary directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { admin, BENCH_PG_ROOT } from '../pg-admin.js';
import { compileServer, machineLoad, memory, type ServerProcess, startServerProcess } from '../server-process.js';
import { benchMailSink, signUpThroughMail } from '../sign-up.js';
import { measureFiles, reportFiles, type Session } from './files.js';

const DB_NAME = 'deedbox_bench_documents';
const DB_URL = `${BENCH_PG_ROOT}/${DB_NAME}`;

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) || fallback : fallback;
};
const SIZE_MIB = option('--size', 1024);
const ROUNDS = option('--rounds', 1);
/** `--server-profile DIR`: the server writes a V8 CPU profile there when it stops. */
const PROFILE_DIR = args.includes('--server-profile')
  ? path.resolve(args[args.indexOf('--server-profile') + 1]!)
  : null;

const log = (line: string) => console.log(line);

async function signUp(server: ServerProcess, sink: Parameters<typeof signUpThroughMail>[2]): Promise<Session> {
  const email = `bench-${Date.now()}@example.com`;
  const body = { name: 'Bench Admin', email, password: 'Tr0ub4dor&3-horse-staple', companyName: 'Bench GmbH' };
  const confirmed = await signUpThroughMail(server.url, body, sink);
  const cookies = confirmed.headers.getSetCookie().map((c) => c.split(';')[0]!);
  return {
    cookie: cookies.join('; '),
    csrf: cookies.find((c) => c.startsWith('dbx_csrf='))!.slice('dbx_csrf='.length),
  };
}

async function createContract(server: ServerProcess, session: Session): Promise<string> {
  const res = await fetch(`${server.url}/api/v1/contracts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: session.cookie, 'x-csrf-token': session.csrf },
    body: JSON.stringify({
      title: 'Bench contract',
      lifecycle: { type: 'fixed', startDate: '2026-01-01', endDate: '2028-12-31' },
    }),
  });
  if (res.status !== 201) throw new Error(`creating a contract answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

async function main() {
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  log(`start: ${machineLoad()}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deedbox-bench-documents-'));
  const { sink, smtpUrl } = await benchMailSink();
  let server: ServerProcess | undefined;
  try {
    const dataDir = path.join(dir, 'data');
    const tmpDir = path.join(dir, 'tmp');
    await Promise.all([mkdir(dataDir), mkdir(tmpDir)]);
    const main = compileServer(log);
    server = await startServerProcess(
      main,
      {
        NODE_ENV: 'test',
        DATABASE_URL: DB_URL,
        DATA_DIR: dataDir,
        // Scratch files (text extraction, Word previews; uploads write none) go under os.tmpdir(): here, removed at the end.
        TMPDIR: tmpDir,
        MASTER_KEYS: `1:${randomBytes(32).toString('base64')}`,
        SECRET_KEY: randomBytes(32).toString('base64url'),
        SMTP_URL: smtpUrl,
        UPLOAD_MAX_MB: String(SIZE_MIB + 1),
        RATE_LIMIT: 'false',
        LOG_LEVEL: 'info',
        // The web server alone: text extraction of the upload would run in the worker.
        WORKER: 'false',
      },
      PROFILE_DIR ? ['--cpu-prof', '--cpu-prof-dir', PROFILE_DIR] : [],
    );
    log(`server: compiled, own process (pid ${server.pid}), PostgreSQL ${DB_NAME}, local blob store in ${dataDir}`);
    const session = await signUp(server, sink);
    const contractId = await createContract(server, session);
    log(`server RSS after start, sign-up and one contract: ${memory(server.pid).rss.toFixed(0)} MB`);
    const rounds = await measureFiles(
      server,
      session,
      contractId,
      { sizeMiB: SIZE_MIB, rounds: ROUNDS, rawDir: dir },
      log,
    );
    reportFiles(rounds, SIZE_MIB, log);
    log(`end: ${machineLoad()}`);
  } finally {
    await server?.stop();
    await sink.stop();
    await rm(dir, { recursive: true, force: true });
    await admin(`drop database if exists ${DB_NAME} with (force)`);
  }
}

await main();

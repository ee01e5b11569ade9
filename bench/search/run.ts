/**
 * `npm run bench:search`: search over the text of 100,000 documents in one org through the API of
 * the compiled server, against the same statements replayed raw through `pg` in the same run
 * (bench/README.md, "Search"). Needs PostgreSQL on 127.0.0.1:5432; the database
 * (deedbox_bench_search, or `--db NAME`) is seeded once and reused.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, shippedMigrations } from '../../server/db/client.js';
import type { Actor } from '../../server/platform/context.js';
import { parseMasterKeys } from '../../server/platform/crypto/keyring.js';
import { admin, BENCH_PG_ROOT } from '../pg-admin.js';
import { installCapture } from '../repository/capture.js';
import { signIn } from '../repository/http.js';
import { compileServer, machineLoad, type ServerProcess, startServerProcess } from '../server-process.js';
import { benchMailSink, signUpThroughMail } from '../sign-up.js';
import { type Figures, inProcess, measure, report, scenarios, summary } from './measure.js';
import { completeSeed, DOCUMENTS, type Marker, SEED_VERSION, seed, writeMarker } from './seed.js';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const DB_NAME = option('--db') ?? 'deedbox_bench_search';
const DB_URL = `${BENCH_PG_ROOT}/${DB_NAME}`;
const SAMPLES = Number(option('--samples')) || 200;
const WARMUP = 20;
const ONLY = option('--only');

const log = (line: string) => console.log(line);

const ADMIN = { name: 'Bench Admin', email: 'bench-search@example.com', companyName: 'Bench GmbH' };

function serverEnv(marker: Pick<Marker, 'master_keys' | 'secret_key'>, dataDir: string, smtpUrl: string) {
  return {
    NODE_ENV: 'test',
    DATABASE_URL: DB_URL,
    DATA_DIR: dataDir,
    MASTER_KEYS: marker.master_keys,
    SECRET_KEY: marker.secret_key,
    SMTP_URL: smtpUrl,
    RATE_LIMIT: 'false',
    LOG_LEVEL: 'info',
    WORKER: 'false',
  };
}

/** A fresh database: the org signed up through the API, one contract made through it, the rest in SQL. */
async function seedFresh(main: string, dataDir: string): Promise<Marker> {
  await admin(`drop database if exists ${DB_NAME} with (force)`);
  await admin(`create database ${DB_NAME}`);
  const keys = {
    master_keys: `1:${randomBytes(32).toString('base64')}`,
    secret_key: randomBytes(32).toString('base64url'),
  };
  const password = 'Tr0ub4dor&3-horse-staple';
  const { sink, smtpUrl } = await benchMailSink();
  const server = await startServerProcess(main, serverEnv(keys, dataDir, smtpUrl));
  const database = await openDatabase({ database: { kind: 'postgres', url: DB_URL, poolMax: 2 } });
  try {
    log(`seeding ${DOCUMENTS} documents into ${DB_NAME} ...`);
    const confirmed = await signUpThroughMail(server.url, { ...ADMIN, password }, sink);
    const cookies = confirmed.headers.getSetCookie().map((c) => c.split(';')[0]!);
    const csrf = cookies.find((c) => c.startsWith('dbx_csrf='))!.slice('dbx_csrf='.length);
    const created = await fetch(`${server.url}/api/v1/contracts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: cookies.join('; '), 'x-csrf-token': csrf },
      body: JSON.stringify({
        title: 'Template',
        lifecycle: { type: 'fixed', startDate: '2026-01-01', endDate: '2028-12-31' },
      }),
    });
    if (created.status !== 201)
      throw new Error(`creating the template contract answered ${created.status}: ${await created.text()}`);
    const templateContractId = ((await created.json()) as { id: string }).id;
    const { orgId, userId } = await who(DB_URL);
    const seconds = await seed(
      DB_URL,
      database,
      parseMasterKeys(keys.master_keys),
      { orgId, userId, templateContractId },
      log,
    );
    const marker: Marker = {
      version: SEED_VERSION,
      migrations: await shippedMigrations(),
      org_id: orgId,
      email: ADMIN.email,
      password,
      ...keys,
      seconds,
    };
    await writeMarker(DB_URL, marker);
    return marker;
  } finally {
    await database.close();
    await server.stop();
    await sink.stop();
  }
}

async function who(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(
      'select m.org_id, m.user_id from memberships m join users u on u.id = m.user_id where u.email = $1',
      [ADMIN.email],
    );
    return { orgId: rows[0].org_id as string, userId: rows[0].user_id as string };
  } finally {
    await client.end();
  }
}

async function main() {
  installCapture();
  log(`start: ${machineLoad()}`);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'deedbox-bench-search-'));
  const main = compileServer(log);
  let server: ServerProcess | undefined;
  let stopSink = async () => {};
  const pool = new pg.Pool({ connectionString: DB_URL, max: 1 });
  try {
    let marker = args.includes('--reseed') ? null : await completeSeed(DB_URL);
    if (marker) log(`reusing ${DB_NAME} (seeded in ${marker.seconds} s; --reseed to seed again)`);
    else marker = await seedFresh(main, dir);
    const { sink, smtpUrl } = await benchMailSink();
    stopSink = () => sink.stop();
    server = await startServerProcess(main, serverEnv(marker, dir, smtpUrl));
    log(`server: compiled, own process (pid ${server.pid}), PostgreSQL ${DB_NAME}`);
    const cookie = await signIn(server.url, marker.email, marker.password);
    const { orgId, userId } = await who(DB_URL);
    const database = await openDatabase({ database: { kind: 'postgres', url: DB_URL, poolMax: 1 } });
    const actor: Actor = {
      type: 'user',
      id: userId,
      name: ADMIN.name,
      email: ADMIN.email,
      isAdmin: true,
      unitRoles: {},
      sessionId: '',
      csrfToken: '',
    };
    const inOrg = inProcess(database, parseMasterKeys(marker.master_keys), orgId, actor);
    const figures: Figures[] = [];
    try {
      for (const scenario of scenarios.filter((s) => !ONLY || s.name.includes(ONLY))) {
        const x = await measure(scenario, {
          url: server.url,
          cookie,
          pool,
          inOrg,
          samples: SAMPLES,
          warmup: WARMUP,
          plans: args.includes('--plans'),
        });
        log(summary(x));
        figures.push(x);
      }
    } finally {
      await database.close();
    }
    report(figures, log);
    log(`end: ${machineLoad()}`);
  } finally {
    await pool.end();
    await server?.stop();
    await stopSink();
    await rm(dir, { recursive: true, force: true });
  }
}

await main();

/**
 * `npm run bench:backup`: `deedbox backup create` and `deedbox backup restore` (server/features/backup)
 * of the repository bench's database of 1,000,000 contracts, against plain `pg_dump -Fc` and
 * `pg_restore` of the same database in the same run (bench/README.md, "Backup and restore").
 * `--scale S` or BENCH_SCALE=S seeds a share of the contracts. Needs PostgreSQL on 127.0.0.1:5432 and
 * its client tools; makes and drops the databases deedbox_bench_backup* and a temporary directory.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { Writable } from 'node:stream';
import pg from 'pg';
import { loadConfig } from '../../server/config.js';
import { startServer } from '../../server/server.js';
import { BENCH_PG_ROOT, inFreshWorkspace } from '../pg-admin.js';
import { CONTRACTS_PER_ORG, FULL_SIZE, seedBigOrg } from '../repository/seed.js';
import { benchScale, scaled } from '../scale.js';
import { compileServer, type Measured, machineLoad, runMeasured } from '../server-process.js';
import { benchMailSink } from '../sign-up.js';

const SOURCE = 'deedbox_bench_backup';
/** The empty deployment `deedbox backup restore` fills, and the empty database plain pg_restore fills. */
const APP_TARGET = 'deedbox_bench_backup_restore';
const RAW_TARGET = 'deedbox_bench_backup_pg_restore';
const urlOf = (name: string) => `${BENCH_PG_ROOT}/${name}`;
const SCALE = benchScale();
const SIZE = {
  orgs: FULL_SIZE.orgs,
  contractsPerOrg: scaled(CONTRACTS_PER_ORG, SCALE),
  partnersPerOrg: scaled(FULL_SIZE.partnersPerOrg, SCALE),
};

const log = (line: string) => console.log(line);
const mib = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const contracts = async (name: string) =>
  (await query<{ n: number }>(urlOf(name), 'select count(*)::int as n from contracts'))[0]!.n;

/** The repository bench's seed (the big org signed up through the API, the rest in SQL), then a checkpoint. */
async function seedSource(env: Record<string, string>) {
  const { sink, smtpUrl } = await benchMailSink();
  const server = await startServer(loadConfig({ ...env, SMTP_URL: smtpUrl }), {
    logStream: new Writable({ write: (_c, _e, done) => done() }),
  });
  try {
    log(`seeding ${SIZE.orgs} orgs x ${SIZE.contractsPerOrg} contracts (bench/repository/seed.ts) ...`);
    await seedBigOrg(server.url, sink, urlOf(SOURCE), log, SIZE);
  } finally {
    await server.stop();
    await sink.stop();
  }
  await query(urlOf(SOURCE), 'checkpoint');
}

interface Figures {
  appCreate: Measured;
  rawDump: Measured;
  appMigrate: Measured;
  appRestore: Measured;
  rawRestore: Measured;
  appSize: number;
  rawSize: number;
  databaseSize: number;
}

function report(f: Figures, rows: number) {
  log(
    `\n${rows} contracts in ${SIZE.orgs} orgs, database ${mib(f.databaseSize)} MiB (pg_database_size); scale ${SCALE}`,
  );
  log(`${''.padEnd(58)}${'time'.padStart(10)}${'peak RSS'.padStart(11)}${'file'.padStart(12)}${'ratio'.padStart(8)}`);
  const line = (label: string, m: { seconds: number; peakRss?: number }, size: string, ratio: string) =>
    log(
      `${label.padEnd(58)}${`${m.seconds.toFixed(1)} s`.padStart(10)}${(m.peakRss ? `${m.peakRss.toFixed(0)} MB` : '').padStart(11)}${size.padStart(12)}${ratio.padStart(8)}`,
    );
  line('pg_dump -Fc', f.rawDump, `${mib(f.rawSize)} MiB`, '1.00');
  line(
    'deedbox backup create',
    f.appCreate,
    `${mib(f.appSize)} MiB`,
    (f.appCreate.seconds / f.rawDump.seconds).toFixed(2),
  );
  line('pg_restore into an empty database', f.rawRestore, '', '1.00');
  line('deedbox migrate (the empty deployment)', f.appMigrate, '', '');
  line(
    'deedbox backup restore --keys (into it)',
    f.appRestore,
    '',
    (f.appRestore.seconds / f.rawRestore.seconds).toFixed(2),
  );
  const both = { seconds: f.appMigrate.seconds + f.appRestore.seconds };
  line('  migrate + restore', both, '', (both.seconds / f.rawRestore.seconds).toFixed(2));
  log("ratio = time / the plain tool's time (1.00 = as fast as pg_dump or pg_restore); peak RSS of the process run");
}

async function main() {
  log(`start: ${machineLoad()}`);
  await inFreshWorkspace([SOURCE, APP_TARGET, RAW_TARGET], 'deedbox-bench-backup-', async (dir) => {
    await Promise.all(['data', 'restored-data', 'tmp'].map((d) => mkdir(path.join(dir, d))));
    const env: Record<string, string> = {
      NODE_ENV: 'test',
      DATABASE_URL: urlOf(SOURCE),
      DATA_DIR: path.join(dir, 'data'),
      TMPDIR: path.join(dir, 'tmp'),
      MASTER_KEYS: `1:${randomBytes(32).toString('base64')}`,
      BACKUP_KEYS: `1:${randomBytes(32).toString('base64')}`,
      SECRET_KEY: randomBytes(32).toString('base64url'),
      RATE_LIMIT: 'false',
      LOG_LEVEL: 'warn',
      WORKER: 'false',
    };
    await seedSource(env);
    const rows = await contracts(SOURCE);
    const databaseSize = Number(
      (await query<{ n: string }>(urlOf(SOURCE), 'select pg_database_size(current_database()) as n'))[0]!.n,
    );
    const main = compileServer(log);
    const deedbox = (args: string[], over: Record<string, string> = {}) =>
      runMeasured(process.execPath, [main, ...args], { ...process.env, ...env, ...over });
    const files = {
      app: path.join(dir, 'app.backup'),
      keys: path.join(dir, 'keys.snapshot'),
      raw: path.join(dir, 'raw.pgdump'),
    };
    log('pg_dump -Fc ...');
    const rawDump = await runMeasured('pg_dump', ['-Fc', '-f', files.raw, '-d', urlOf(SOURCE)]);
    log('deedbox backup create ...');
    const appCreate = await deedbox(['backup', 'create', '--out', files.app]);
    await deedbox(['backup', 'keys', '--out', files.keys]);
    log('pg_restore ...');
    const rawRestore = await runMeasured('pg_restore', ['--no-owner', '-d', urlOf(RAW_TARGET), files.raw]);
    const target = { DATABASE_URL: urlOf(APP_TARGET), DATA_DIR: path.join(dir, 'restored-data') };
    log('deedbox migrate, deedbox backup restore ...');
    const appMigrate = await deedbox(['migrate'], target);
    const appRestore = await deedbox(['backup', 'restore', files.app, '--keys', files.keys], target);
    for (const name of [APP_TARGET, RAW_TARGET]) {
      const restored = await contracts(name);
      if (restored !== rows) throw new Error(`${name} holds ${restored} contracts after the restore, not ${rows}`);
    }
    report(
      {
        appCreate,
        rawDump,
        appMigrate,
        appRestore,
        rawRestore,
        appSize: (await stat(files.app)).size,
        rawSize: (await stat(files.raw)).size,
        databaseSize,
      },
      rows,
    );
    log(`end: ${machineLoad()}`);
  });
}

await main();

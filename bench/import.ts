/**
 * Imports 100,000 contracts from one CSV on PostgreSQL and prints the time of each step
 * (upload, dry run, commit). Run: `npx tsx bench/import.ts` (needs PostgreSQL on
 * 127.0.0.1:5432; uses and drops the database deedbox_bench_import).
 */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { buildApp } from '../server/app.js';
import { loadConfig } from '../server/config.js';
import { openDatabase } from '../server/db/client.js';
import { createMailer } from '../server/platform/mail/mailer.js';
import { admin } from './pg-admin.js';
import { benchMailSink } from './sign-up.js';

const ROWS = Number(process.env.ROWS ?? 100_000);
const DB_URL = 'postgres://postgres@127.0.0.1:5432/deedbox_bench_import';

/** A realistic spread: 200 partners, 12 categories, fixed, auto-renewing and indefinite terms, German dates. */
function csv(rows: number): string {
  const lines = ['Vertragsnummer;Titel;Vertragspartner;Kategorie;Beginn;Ende;Kündigungsfrist;Verlängerung'];
  for (let i = 0; i < rows; i++) {
    const year = 2020 + (i % 10);
    const start = `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${year}`;
    const kind = i % 3;
    const end =
      kind === 2 ? '' : `${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.${year + 2}`;
    const notice = kind === 0 ? '' : `${(i % 6) + 1} Monate`;
    const renewal = kind === 1 ? '1 Jahr' : '';
    lines.push(`B-${i};Vertrag ${i};Partner ${i % 200};Kategorie ${i % 12};${start};${end};${notice};${renewal}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}

async function main() {
  await admin('drop database if exists deedbox_bench_import with (force)');
  await admin('create database deedbox_bench_import');
  const { sink, smtpUrl } = await benchMailSink();
  const config = loadConfig({
    NODE_ENV: 'test',
    SMTP_URL: smtpUrl,
    LOG_LEVEL: 'warn',
    RATE_LIMIT: 'false',
    SCRYPT_LOG_N: '12',
    APP_URL: 'http://deedbox.test',
    DATABASE_URL: DB_URL,
    DB_POOL_MAX: '4',
  });
  const database = await openDatabase(config);
  await database.migrate();
  const logStream = new Writable({ write: (_c, _e, done) => done() });
  const app = await buildApp({
    config,
    database,
    mailer: createMailer(config.mail, pino({ level: 'silent' })),
    logStream,
  });
  await app.ready();
  try {
    await app.inject({
      method: 'POST',
      url: '/api/v1/auth/sign-up',
      payload: {
        name: 'Bench',
        email: 'bench@example.com',
        password: 'Tr0ub4dor&3-horse-staple',
        companyName: 'Bench',
      },
    });
    const mail = await sink.waitFor((m) => m.to.includes('bench@example.com'));
    const token = mail.text.match(/confirm-sign-up\?token=(\S+)/)?.[1];
    const signUp = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-up/confirm', payload: { token } });
    const cookie = signUp.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const csrf = signUp.cookies.find((c) => c.name === 'dbx_csrf')!.value;
    const headers = { cookie, 'x-csrf-token': csrf };
    const file = Buffer.from(csv(ROWS));
    const time = async <T>(label: string, fn: () => Promise<T>) => {
      const t0 = performance.now();
      const result = await fn();
      console.log(`${label.padEnd(8)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      return result;
    };
    console.log(`${ROWS} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB CSV, PostgreSQL`);
    const up = await time('upload', () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/imports?entity=contract&fileName=bench.csv',
        headers: { ...headers, 'content-type': 'text/csv' },
        payload: file,
      }),
    );
    const imp = up.json();
    if (up.statusCode !== 201) throw new Error(up.body);
    const options = { createPartners: true, createCategories: true };
    const checked = await time('check', () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/imports/${imp.id}/check`,
        headers,
        payload: { mapping: imp.suggestedMapping, options },
      }),
    );
    if (checked.json().errorCount !== 0) throw new Error(JSON.stringify(checked.json().errors.slice(0, 5)));
    const committed = await time('commit', () =>
      app.inject({ method: 'POST', url: `/api/v1/imports/${imp.id}/commit`, headers, payload: {} }),
    );
    if (committed.statusCode !== 200) throw new Error(committed.body);
    console.log('result  ', JSON.stringify(committed.json().result));
  } finally {
    await app.close();
    await database.close();
    await sink.stop();
    await admin('drop database if exists deedbox_bench_import with (force)');
  }
}

await main();

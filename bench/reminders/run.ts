import os from 'node:os';
import { Writable } from 'node:stream';
import pg from 'pg';
import { pino } from 'pino';
import { loadConfig } from '../../server/config.js';
import { openDatabase } from '../../server/db/client.js';
import { resolveAsOf } from '../../server/features/reminders/engine/run.js';
import type { Deps } from '../../server/platform/context.js';
import { createMailer, type Mail } from '../../server/platform/mail/mailer.js';
import { createBlobStore } from '../../server/platform/storage/create-store.js';
import { admin, BENCH_PG_ROOT } from '../pg-admin.js';
import { installCapture } from '../repository/capture.js';
import {
  type AppFigures,
  appEnqueue,
  ensureScratch,
  explainQueue,
  type RawFigures,
  rawEnqueue,
  reset,
} from './enqueue.js';
import { completeSeed, DAY, HISTORY_DAYS, type Marker, seed, USERS_PER_ORG } from './seed.js';
import { appSend, queueMails, rawSend, startSink } from './send.js';

const DB_NAME = 'deedbox_bench_reminders';
const DB_URL = `${BENCH_PG_ROOT}/${DB_NAME}`;
const TARGET_ENQUEUE_S = 10;
const TARGET_MAILS_PER_S = 200;
const TIME_ZONE = 'Europe/Berlin';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) =>
  args.includes(name) ? Number(args[args.indexOf(name) + 1]) || fallback : fallback;
const RESEED = args.includes('--reseed');
const RUNS = option('--runs', 3);
const MAILS = option('--mails', 10_000);
const SEND_ROUNDS = option('--send-rounds', 2);
const PLANS = args.includes('--plans');
const ENQUEUE = !args.includes('--no-enqueue');
const SEND = !args.includes('--no-send');

const log = (line: string) => console.log(line);
const secs = (ms: number) => (ms / 1000).toFixed(2);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const min = (xs: number[]) => Math.min(...xs);
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

async function facts(db: pg.Client) {
  const { rows } = await db.query(
    `select (select count(*) from contracts)::int as contracts,
            (select count(*) from reminders)::int as reminders,
            (select count(*) from reminders r join events e on e.org_id = r.org_id and e.id = r.event_id
               join contracts c on c.org_id = r.org_id and c.id = r.contract_id
             where r.next_due_on <= $1::date and e.date >= $1::date and c.deleted_at is null
               and c.status <> 'archived' and c.phase <> 'ended')::int as due,
            (select count(*) from reminders where next_due_on <= $1::date)::int as in_due_range,
            (select count(*) from reminder_occurrences)::int as occurrences,
            (select count(*) from deliveries)::int as deliveries`,
    [DAY],
  );
  return rows[0] as {
    contracts: number;
    reminders: number;
    due: number;
    in_due_range: number;
    occurrences: number;
    deliveries: number;
  };
}

interface SendFigures {
  queued: number;
  appMs: number;
  rawMs: number;
  sent: number;
  bytes: number;
}

async function main() {
  if (RESEED || !(await completeSeed(DB_URL))) {
    await admin(`drop database if exists ${DB_NAME} with (force)`);
    await admin(`create database ${DB_NAME}`);
  }
  const sink = SEND ? await startSink() : null;
  const smtpUrl = sink ? `smtp://127.0.0.1:${sink.port}` : undefined;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: DB_URL,
    SMTP_URL: smtpUrl,
    LOG_LEVEL: 'info',
    APP_URL: 'https://deedbox.example.com',
  });
  const database = await openDatabase(config);
  // As in the server: info-level JSON logs (one line per mail sent), formatted and then dropped.
  const discard = new Writable({ write: (_chunk, _enc, done) => done() });
  const logger = pino({ level: 'info' }, discard);
  const mailer = createMailer(config.mail, logger);
  let recorded: Mail[] | null = null;
  const deps: Deps = {
    config,
    database,
    log: logger,
    blobs: await createBlobStore(config.storage),
    sms: null,
    mailer: {
      ...mailer,
      send: (mail) => {
        recorded?.push(mail);
        return mailer.send(mail);
      },
    },
  };
  const db = new pg.Client({ connectionString: DB_URL });
  try {
    await database.migrate();
    let marker: Marker | null = await completeSeed(DB_URL);
    if (!marker) {
      log(`seeding ${DB_NAME} (10 orgs x 100,000 contracts, as of ${DAY}; takes several minutes) ...`);
      marker = await seed(DB_URL, log);
      log(`seeded in ${marker.seconds} s`);
    } else
      log(
        `reusing ${DB_NAME}, seeded on ${marker.seeded_at.toISOString().slice(0, 10)} in ${marker.seconds} s (--reseed to seed again)`,
      );
    const seededAt = marker.seeded_at;
    await db.connect();
    await ensureScratch(db);
    await reset(db, seededAt);
    const f = await facts(db);
    log(
      `${f.contracts} contracts, ${f.reminders} reminders (${(f.reminders / f.contracts).toFixed(2)} per contract), ` +
        `${USERS_PER_ORG} members per org; history: ${f.occurrences} occurrences, ${f.deliveries} deliveries ` +
        `(${HISTORY_DAYS} days); due on ${DAY}: ${f.due} reminders (${((100 * f.due) / f.reminders).toFixed(2)} %), ` +
        `${f.in_due_range} in the due range of the index`,
    );
    log(`${os.cpus().length} vCPUs (${os.cpus()[0]?.model}), Node ${process.version}, load ${load()}`);

    const app: AppFigures[] = [];
    const raw: RawFigures[] = [];
    const asOf = `${DAY}T09:00`;
    if (ENQUEUE) {
      const now = resolveAsOf(asOf, TIME_ZONE);
      for (let i = 0; i < RUNS; i++) {
        const order = i % 2 === 0 ? (['app', 'raw'] as const) : (['raw', 'app'] as const);
        for (const which of order) {
          await reset(db, seededAt);
          if (which === 'app') {
            const a = await appEnqueue(deps, asOf, DAY);
            app.push(a);
            log(
              `  run ${i + 1} app: ${secs(a.ms)} s — ${a.occurrences} occurrences, ${a.deliveries} deliveries, ` +
                `${a.escalations} escalations, ${a.digests} digests, ${a.summaries} summaries; steps ` +
                `${Object.entries(a.steps)
                  .map(([k, v]) => `${k} ${secs(v)}`)
                  .join(', ')}; slowest org ${secs(Math.max(...a.perOrg))} s (load ${load()})`,
            );
          } else {
            const r = await rawEnqueue(db, DAY, now);
            raw.push(r);
            log(
              `  run ${i + 1} raw: ${secs(r.ms)} s — ${r.occurrences} occurrences, ${r.deliveries} deliveries (load ${load()})`,
            );
          }
        }
      }
      await reset(db, seededAt);
      if (PLANS || median(app.map((a) => a.ms)) > TARGET_ENQUEUE_S * 1000) {
        installCapture();
        const plans = await explainQueue(deps, DB_URL, marker.big_org_id, asOf, DAY, () => reset(db, seededAt));
        for (const plan of plans) log(`\n${plan}`);
        await reset(db, seededAt);
      }
    }

    const sends: SendFigures[] = [];
    if (sink && smtpUrl) {
      // Before the send hour the due day is yesterday, whose work is done: the run only sends.
      const sendAsOf = `${DAY}T07:30`;
      const nextAttemptAt = resolveAsOf(`${DAY}T07:00`, TIME_ZONE);
      for (let i = 0; i < SEND_ROUNDS; i++) {
        await reset(db, seededAt);
        const queued = await queueMails(db, marker.big_org_id, DAY, MAILS, nextAttemptAt);
        await db.query('analyze deliveries');
        await sink.reset();
        recorded = [];
        const a = await appSend(deps, marker.big_org_id, sendAsOf);
        const mails = recorded;
        recorded = null;
        const received = await sink.count();
        if (a.result.sent !== queued || received !== queued || a.result.deliveries !== 0)
          throw new Error(
            `app send: queued ${queued}, sent ${a.result.sent}, received ${received}, newly queued ${a.result.deliveries}`,
          );
        await sink.reset();
        const r = await rawSend(smtpUrl, config.mail.from, mails);
        const rawReceived = await sink.count();
        if (rawReceived !== mails.length) throw new Error(`raw send: ${mails.length} sent, ${rawReceived} received`);
        const bytes =
          mails.reduce(
            (n, m) => n + Buffer.byteLength(m.subject) + Buffer.byteLength(m.text) + Buffer.byteLength(m.html ?? ''),
            0,
          ) / mails.length;
        sends.push({ queued, appMs: a.ms, rawMs: r.ms, sent: a.result.sent, bytes });
        log(
          `  send ${i + 1}: app ${queued} mails in ${secs(a.ms)} s = ${((queued * 1000) / a.ms).toFixed(0)} mails/s; ` +
            `raw ${((mails.length * 1000) / r.ms).toFixed(0)} mails/s (load ${load()})`,
        );
      }
      await reset(db, seededAt);
    }
    report(app, raw, sends);
  } finally {
    await db.end().catch(() => {});
    mailer.close();
    await database.close();
    await sink?.stop();
  }
}

function report(app: AppFigures[], raw: RawFigures[], sends: SendFigures[]) {
  log(`\nmachine: ${os.cpus().length} vCPUs, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${load()}`);
  if (app.length > 0) {
    const a = app.map((x) => x.ms);
    const r = raw.map((x) => x.ms);
    const first = app[0]!;
    const step = (k: keyof AppFigures['steps']) => secs(median(app.map((x) => x.steps[k])));
    log(
      `enqueue ${DAY}, 10 orgs, ${RUNS} runs: ${first.occurrences} occurrences, ${first.deliveries} deliveries, ` +
        `${first.escalations} escalations, ${first.digests} digests, ${first.summaries} weekly summaries`,
    );
    log(`  app (engine pieces, per org, RLS): min ${secs(min(a))} s, median ${secs(median(a))} s`);
    log(
      `    median per step: enqueueDue ${step('enqueueDue')} s, escalate ${step('escalate')} s, gatherDigests ` +
        `${step('gatherDigests')} s, summaries ${step('summaries')} s`,
    );
    log(
      `  raw (one statement, superuser, scratch tables): min ${secs(min(r))} s, median ${secs(median(r))} s — ` +
        `${raw[0]!.occurrences} occurrences, ${raw[0]!.deliveries} deliveries`,
    );
    const ratio = median(a) / median(r);
    log(
      `  ratio app/raw (median): ${ratio.toFixed(2)}; target ≤ ${TARGET_ENQUEUE_S} s: ${median(a) <= TARGET_ENQUEUE_S * 1000 ? 'met' : 'MISSED'}`,
    );
  }
  for (const [i, s] of sends.entries()) {
    const appRate = (s.queued * 1000) / s.appMs;
    const rawRate = (s.queued * 1000) / s.rawMs;
    log(
      `send ${i + 1}: ${s.queued} mails (~${(s.bytes / 1024).toFixed(1)} KB subject+text+html each), one worker: ` +
        `app ${secs(s.appMs)} s = ${appRate.toFixed(0)} mails/s; raw nodemailer ${secs(s.rawMs)} s = ${rawRate.toFixed(0)} mails/s; ` +
        `ratio ${(appRate / rawRate).toFixed(2)}; target ≥ ${TARGET_MAILS_PER_S} mails/s: ${appRate >= TARGET_MAILS_PER_S ? 'met' : 'MISSED'}`,
    );
  }
}

await main();

import { randomInt } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import { buildApp } from '../app.js';
import { type Config, loadConfig } from '../config.js';
import { type Database, openDatabase } from '../db/client.js';
import { createMailer } from '../platform/mail/mailer.js';
import { type FakeTwilio, startFakeTwilio, twilioEnv } from './fake-twilio.js';
import { SmtpSink } from './smtp-sink.js';

export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
/**
 * The master key of every instance on the shared PostgreSQL test database (harnesses, the CLI,
 * `serve`): org keys from every test file are wrapped under it, so a start's key check passes
 * whichever files ran before. Tests of the key store itself use a database of their own.
 */
export const TEST_MASTER_KEYS = `1:${Buffer.alloc(32, 7).toString('base64')}`;
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/deedbox_test';
/** What a separately configured instance needs to use the database under test (TLS, shutdown, serve tests). */
export const TEST_DATABASE_ENV: Record<string, string> =
  TEST_DB === 'postgres'
    ? { DATABASE_URL: TEST_DATABASE_URL, DB_POOL_MAX: '2', MASTER_KEYS: TEST_MASTER_KEYS }
    : { DATA_DIR: ':memory:' };

export interface Harness {
  app: FastifyInstance;
  database: Database;
  config: Config;
  sink: SmtpSink;
  /** The stand-in Twilio texts go to, when started with `{ twilio: true }`. */
  twilio: FakeTwilio | null;
  logs: string[];
  /**
   * The source address of this harness's requests (`call` and the upload helpers): one of its own, so sign-in
   * throttles, which count failures per address on the shared database, never carry over between test files.
   */
  ip: string;
  /** Resolves with the first log line matching, waiting for it to be written (bounded). */
  waitForLog(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  close(): Promise<void>;
}

/** A whole app on the database under test, with a real SMTP sink, captured log lines and, if asked, a fake Twilio. */
export async function startHarness(
  env: Record<string, string | undefined> = {},
  options: { twilio?: boolean } = {},
): Promise<Harness> {
  const sink = new SmtpSink();
  const smtpPort = await sink.start();
  const twilio = options.twilio ? await startFakeTwilio() : null;
  // A harness given its own DATA_DIR or STORAGE_DIR is one start of several on them (a restart): it keeps them.
  const ownsStorage = env.DATA_DIR === undefined && env.STORAGE_DIR === undefined;
  const tempDataDir = TEST_DB === 'postgres' && ownsStorage ? mkdtempSync(path.join(tmpdir(), 'deedbox-h-')) : null;
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'info',
    RATE_LIMIT: 'false',
    SCRYPT_LOG_N: '12',
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    APP_URL: 'http://deedbox.test',
    // No seat limit unless a test asks for one (subscriptions.int.test.ts): fixtures add members freely.
    TRIAL_PLAN: 'enterprise',
    // Otherwise each harness keeps its blobs (and generated keys) in a folder of its own, removed on close.
    ...(TEST_DB === 'postgres'
      ? {
          DATABASE_URL: TEST_DATABASE_URL,
          DB_POOL_MAX: '4',
          DATA_DIR: tempDataDir ?? ':memory:',
          MASTER_KEYS: TEST_MASTER_KEYS,
        }
      : { DATA_DIR: ':memory:' }),
    ...(twilio ? twilioEnv(twilio) : {}),
    ...env,
  });
  // PostgreSQL was migrated once by the global setup; each PGlite loads the image its global setup
  // migrated (and migrates what is newer, which is nothing).
  const database = await openDatabase(config, { pgliteImage: TEST_DB === 'pglite' ? await pgliteImage() : undefined });
  if (database.kind === 'pglite') await database.migrate();
  const logs: string[] = [];
  const written = new EventEmitter();
  const logStream = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      written.emit('line');
      done();
    },
  });
  const { pino } = await import('pino');
  // Without SMTP, mail goes to the log (development): personal mails such as sign-up links are only there.
  const mailer = createMailer(config.mail, pino({ level: config.mail.smtpUrl ? 'silent' : 'info' }, logStream));
  const app = await buildApp({ config, database, mailer, logStream });
  await app.ready();
  return {
    app,
    database,
    config,
    sink,
    twilio,
    logs,
    ip: `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`,
    async waitForLog(match, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = logs.find(match);
        if (found !== undefined) return found;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`no matching log line within ${timeoutMs} ms`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, left);
          function done() {
            clearTimeout(timer);
            written.off('line', done);
            resolve();
          }
          written.once('line', done);
        });
      }
    },
    async close() {
      await app.close();
      mailer.close();
      await database.close();
      await sink.stop();
      await twilio?.close();
      if (ownsStorage && config.storage.driver === 'local')
        await rm(config.storage.dir, { recursive: true, force: true });
      if (tempDataDir) await rm(tempDataDir, { recursive: true, force: true });
    },
  };
}

export type Res = LightMyRequestResponse;

declare module 'vitest' {
  export interface ProvidedContext {
    /** A dump of a migrated PGlite data directory: every test file's database starts from it. */
    pgliteImage: string;
  }
}
// Here, not in pglite-setup.ts: the production build compiles this file (test kits import it) but not the setup.

let image: Promise<Blob | undefined> | undefined;
/**
 * The PGlite project's migrated template (server/test/pglite-setup.ts), read once per test file;
 * undefined in a project without it (the unit project's worker test), whose PGlite starts empty.
 */
function pgliteImage(): Promise<Blob | undefined> {
  const file = inject('pgliteImage');
  image ??= file ? readFile(file).then((bytes) => new Blob([bytes])) : Promise.resolve(undefined);
  return image;
}

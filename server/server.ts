import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app.js';
import { type Config, ConfigError } from './config.js';
import { type Database, openDatabase } from './db/client.js';
import { startInboxMail } from './features/inbox/inbox.mail.js';
import type { MailIn } from './features/inbox/mail-in.js';
import { masterKeyProblems } from './features/keys/keys.status.js';
import { loggerOptions } from './platform/logger.js';
import { createMailer } from './platform/mail/mailer.js';
import { startWorker, workerJobs } from './worker.js';

export interface RunningServer {
  app: FastifyInstance;
  database: Database;
  url: string;
  /** The e-mail-in listener, when INBOUND_SMTP_PORT is set. */
  mailIn: MailIn | null;
  stop(): Promise<void>;
}

/** config → database → migrations → app → listen; stop() drains requests, then closes the database. */
export async function startServer(
  config: Config,
  opts: { logStream?: NodeJS.WritableStream } = {},
): Promise<RunningServer> {
  // A job list that does not hold together stops the start before anything is opened.
  const jobs = config.worker ? workerJobs(config) : [];
  const database = await openDatabase(config);
  let redirect: http.Server | null = null;
  let app: FastifyInstance | null = null;
  let mailIn: MailIn | null = null;
  try {
    await database.migrate();
    await requireMasterKeys(database, config);
    const probeLog = (await import('pino')).pino(loggerOptions(config.logLevel), opts.logStream ?? process.stdout);
    const mailer = createMailer(config.mail, probeLog);
    const started = await buildApp({ config, database, mailer, ...opts });
    app = started;
    const address = await started.listen({ port: config.port, host: config.host });
    // PORT=0 picks a free port, so the redirect must name the port actually bound.
    const httpsPort = (started.server.address() as AddressInfo).port;
    if (config.tls?.redirectPort != null)
      redirect = await listenRedirect(config.tls.redirectPort, config.host, httpsPort);
    mailIn = await startInboxMail(started.deps);
    // Reminders go out, stored contract dates roll over, the recycle bin empties after 30 days.
    const worker = config.worker ? startWorker(started.deps, { jobs, metrics: started.jobMetrics }) : null;
    return {
      app: started,
      database,
      url: address,
      mailIn,
      async stop() {
        redirect?.close();
        // Mail being received still needs the database: it finishes (or gets 421) before anything closes.
        await mailIn?.close();
        await started.close();
        await worker?.stop();
        mailer.close();
        await database.close();
      },
    };
  } catch (error) {
    redirect?.close();
    await mailIn?.close();
    // A redirect port already in use must not leave the HTTPS listener running.
    await app?.close();
    await database.close();
    throw error;
  }
}

/** Refuses to start when MASTER_KEYS cannot open the key store: better now than at the first download. */
export async function requireMasterKeys(database: Database, config: Config): Promise<void> {
  const problems = await masterKeyProblems(database, config.masterKeys);
  if (problems.length > 0) throw new ConfigError(problems);
}

/** Plain HTTP that only sends browsers to the HTTPS port. */
function listenRedirect(port: number, host: string, httpsPort: number): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const hostname = (req.headers.host ?? 'localhost').replace(/:\d+$/, '');
    res.writeHead(301, { location: `https://${hostname}:${httpsPort}${req.url ?? '/'}` }).end();
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

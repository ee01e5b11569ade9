import { fork } from 'node:child_process';
import nodemailer from 'nodemailer';
import type pg from 'pg';
import { CONCURRENCY, type RunResult, runReminders } from '../../server/features/reminders/engine/run.js';
import type { Deps } from '../../server/platform/context.js';
import type { Mail } from '../../server/platform/mail/mailer.js';

export interface Sink {
  port: number;
  /** Messages the sink has received (and parsed) since the last reset. */
  count(): Promise<number>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** The SMTP sink in a child process (see sink.ts). */
export async function startSink(): Promise<Sink> {
  const child = fork(new URL('./sink.ts', import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (count: number) => void>();
  let next = 0;
  const port = await new Promise<number>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`the SMTP sink exited with ${code}`)));
    child.on('message', (m: { port?: number; id?: number; count?: number }) => {
      if (m.port !== undefined) resolve(m.port);
      else waiting.get(m.id!)?.(m.count!);
    });
  });
  const ask = (op: 'count' | 'reset') =>
    new Promise<number>((resolve) => {
      const id = next++;
      waiting.set(id, (count) => {
        waiting.delete(id);
        resolve(count);
      });
      child.send({ op, id });
    });
  return {
    port,
    count: () => ask('count'),
    reset: async () => {
      await ask('reset');
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.disconnect();
      }),
  };
}

/**
 * Queues `n` reminder mails in one org for `day`, as enqueueDue would have: the org's next
 * `n` due reminders (live contract, event ahead, an active owner without digest) each get an
 * occurrence on `day` and one queued delivery to the owner, due at `nextAttemptAt`.
 */
export async function queueMails(db: pg.Client, orgId: string, day: string, n: number, nextAttemptAt: Date) {
  const { rowCount } = await db.query(
    `with pick as (
       select r.org_id, r.id as reminder_id, r.event_id, r.contract_id, e.date as event_date, c.owner_id
       from reminders r
       join events e on e.org_id = r.org_id and e.id = r.event_id
       join contracts c on c.org_id = r.org_id and c.id = r.contract_id
       join memberships m on m.org_id = c.org_id and m.user_id = c.owner_id
       where r.org_id = $1 and e.date >= $2::date
         and c.deleted_at is null and c.status <> 'archived' and c.phase <> 'ended'
         and (r.recipients ->> 'owner')::boolean and m.status = 'active' and m.locked_at is null and not m.reminder_digest
       order by r.next_due_on nulls last, r.id
       limit $3),
     occ as (
       insert into reminder_occurrences (org_id, id, reminder_id, event_id, contract_id, event_date, due_on)
       select org_id, gen_random_uuid(), reminder_id, event_id, contract_id, event_date, $2::date from pick
       returning id, reminder_id)
     insert into deliveries (org_id, id, dedupe_key, kind, occurrence_id, reminder_id, contract_id, recipient_user_id,
                             recipient_email, locale, status, next_attempt_at)
     select p.org_id, gen_random_uuid(), 'r:' || o.id || ':' || p.owner_id, 'reminder', o.id, p.reminder_id,
            p.contract_id, p.owner_id, u.email, u.locale, 'queued', $4
     from occ o join pick p on p.reminder_id = o.reminder_id join users u on u.id = p.owner_id`,
    [orgId, day, n, nextAttemptAt],
  );
  return rowCount ?? 0;
}

/** One worker's `runReminders` for the org at `asOf` (nothing stale, nothing newly due): it sends the outbox. */
export async function appSend(deps: Deps, orgId: string, asOf: string): Promise<{ ms: number; result: RunResult }> {
  const start = performance.now();
  const result = await runReminders(deps, { orgId, asOf });
  return { ms: performance.now() - start, result };
}

/**
 * The floor: the same mails through nodemailer's pooled transport with the mailer's settings
 * (createMailer: pool, 5 connections), CONCURRENCY in flight as the engine's lanes, no database.
 */
export async function rawSend(smtpUrl: string, from: string, mails: Mail[]): Promise<{ ms: number }> {
  const transport = nodemailer.createTransport({ url: smtpUrl, pool: true, maxConnections: 5 });
  try {
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async (_, lane) => {
        for (let i = lane; i < mails.length; i += CONCURRENCY) await transport.sendMail({ from, ...mails[i]! });
      }),
    );
    return { ms: performance.now() - start };
  } finally {
    transport.close();
  }
}

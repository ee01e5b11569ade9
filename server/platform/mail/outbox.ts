import { randomUUID } from 'node:crypto';
import type { DeliveryKind } from '../../../common/schemas/reminders.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { type Actor, type Ctx, type Deps, type RequestMeta, runInOrg } from '../context.js';
import { isPermanentFailure, type Mail } from './mailer.js';
import * as outbox from './outbox.repo.js';

export type { Claimed } from './outbox.repo.js';

/** What opening a sealed column needs: the transaction, the org and the deps (master keys). */
export type KeyCtx = Pick<Ctx, 'tx' | 'deps' | 'orgId'>;

const SENDER: Actor = { type: 'system', name: 'deedbox mail' };
const request = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-mail', via: 'cli' });

/** Minutes to wait after the nth failed attempt; the last step repeats until a day has passed. */
const BACKOFF_MINUTES = [1, 2, 5, 10, 30, 60, 120, 240, 480];
/** SMTP failures are retried for at least this long before a delivery counts as failed. */
export const RETRY_FOR_MS = 24 * 3_600_000;
/** Mails in flight at once (the mailer keeps as many SMTP connections open). */
export const CONCURRENCY = 5;
const CLAIM_BATCH = 25;

/** The org a batch of mail is sent for, as composers see it. */
export interface OutboxOrg {
  id: string;
  name: string;
  timeZone: string;
  /** The org's calendar day at the moment of sending. */
  today: string;
}

/**
 * How the mails of a kind are made. `facts` reads, once per claimed batch and in one transaction
 * with the other kinds' facts, what this composer's claimed deliveries talk about; `compose` makes
 * one delivery's mail from them (`keys` opens sealed columns: the same transaction with the deps) (use `<delivery id@host>` as its Message-ID, so a retry is the same
 * mail) and throws `SubjectGone` when what the mail is about no longer exists. One composer may
 * serve several kinds (the reminders' four): its facts are then read once for all of them.
 */
export interface MailComposer<F = unknown> {
  facts(tx: Tx, orgId: string, claimed: outbox.Claimed[], org: OutboxOrg, keys: KeyCtx): Promise<F>;
  compose(config: Config, org: OutboxOrg, d: outbox.Claimed, facts: F): Mail | Promise<Mail>;
}

/** Composers by kind: `server/mail-kinds.ts` holds the app's; tests pass their own. */
export type Composers = Partial<Record<DeliveryKind, MailComposer>>;

/** A mail that cannot be made: its delivery fails at once with this message, it is never retried. */
export class Unsendable extends Error {}

/** What a mail is about is gone (deleted, withdrawn): `throw new SubjectGone('the reminder is gone')`. */
export class SubjectGone extends Unsendable {
  constructor(what: string) {
    super(`subject gone: ${what}`);
  }
}

export interface SendCounts {
  sent: number;
  retrying: number;
  failed: number;
  bounced: number;
}

export interface SendOptions {
  composers: Composers;
  /** Claim only these kinds (another job sends the rest); default every kind, and one without composer fails. */
  kinds?: readonly DeliveryKind[];
}

type InOrg = <T>(fn: Parameters<typeof runInOrg<T>>[3]) => Promise<T>;

/** Runs `fn` in a transaction of the org as the mail sender. */
export const asSender =
  (deps: Deps, orgId: string): InOrg =>
  (fn) =>
    runInOrg(deps, { orgId, actor: SENDER }, request(), fn);

/** Claims, composes and sends until the org's outbox has nothing due; each mail settles in its own transaction. */
export async function sendOutbox(
  deps: Deps,
  org: OutboxOrg,
  now: Date,
  total: SendCounts,
  opts: SendOptions,
): Promise<void> {
  const inOrg = asSender(deps, org.id);
  for (;;) {
    // The claim commits before any SMTP traffic: from here on the rows are this worker's.
    const claimed = await inOrg((ctx) => outbox.claim(ctx.tx, org.id, now, CLAIM_BATCH, opts.kinds));
    if (claimed.length === 0) return;
    const batches = new Map<MailComposer, outbox.Claimed[]>();
    for (const d of claimed) {
      const composer = opts.composers[d.kind];
      if (composer) batches.set(composer, [...(batches.get(composer) ?? []), d]);
    }
    const facts = await inOrg(async (ctx) => {
      const read = new Map<MailComposer, unknown>();
      for (const [composer, rows] of batches) read.set(composer, await composer.facts(ctx.tx, org.id, rows, org, ctx));
      return read;
    });
    const lanes = Array.from({ length: Math.min(CONCURRENCY, claimed.length) }, async (_, lane) => {
      for (let i = lane; i < claimed.length; i += CONCURRENCY) {
        const d = claimed[i]!;
        const composer = opts.composers[d.kind];
        const compose = composer
          ? () => composer.compose(deps.config, org, d, facts.get(composer))
          : () => {
              throw new Unsendable(`no composer for mail kind ${d.kind}`);
            };
        await deliver(deps, org.id, now, d, compose, total, inOrg);
      }
    });
    await Promise.all(lanes);
  }
}

async function deliver(
  deps: Deps,
  orgId: string,
  now: Date,
  d: outbox.Claimed,
  compose: () => Mail | Promise<Mail>,
  total: SendCounts,
  inOrg: InOrg,
): Promise<void> {
  let messageId: string;
  try {
    messageId = (await deps.mailer.send(await compose())).messageId;
  } catch (err) {
    const message = describe(err);
    const outcome = failureOutcome(err, d, now);
    await inOrg((ctx) => outbox.markFailed(ctx.tx, orgId, d.id, message, outcome));
    total[outcome.status]++;
    deps.log.warn({ deliveryId: d.id, attempt: d.attempts, status: outcome.status, err: message }, 'mail not sent');
    return;
  }
  // Between the SMTP server's acceptance and this commit lies the one window in which a crash
  // makes the mail go out twice (docs/architecture.md, "Exactly once").
  await inOrg((ctx) => outbox.markSent(ctx.tx, orgId, d.id, messageId, now));
  total.sent++;
}

function describe(err: unknown): string {
  const e = err as { responseCode?: number; message?: string };
  return `${e.responseCode ? `${e.responseCode} ` : ''}${e.message ?? String(err)}`.slice(0, 500);
}

/**
 * A permanent SMTP refusal bounces at once, a mail that cannot be made fails at once; anything
 * else is retried with backoff for at least a day.
 */
export function failureOutcome(
  err: unknown,
  d: Pick<outbox.Claimed, 'attempts' | 'firstAttemptAt'>,
  now: Date,
): { status: 'retrying'; retryAt: Date } | { status: 'failed' | 'bounced' } {
  if (isPermanentFailure(err)) return { status: 'bounced' };
  if (err instanceof Unsendable) return { status: 'failed' };
  if (now.getTime() - d.firstAttemptAt.getTime() >= RETRY_FOR_MS) return { status: 'failed' };
  const minutes = BACKOFF_MINUTES[Math.min(d.attempts, BACKOFF_MINUTES.length) - 1] ?? 1;
  return { status: 'retrying', retryAt: new Date(now.getTime() + minutes * 60_000) };
}

import { eq, sql } from 'drizzle-orm';
import type { DeliveryKind } from '../../../common/schemas/reminders.js';
import { isReadOnly } from '../../../common/subscriptions.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { deliveries, orgs, subscriptions } from '../../db/schema/index.js';
import { claimRows } from '../jobs/claim.js';

/** How long a claimed delivery belongs to its worker; a worker that dies releases it when this runs out. */
export const LEASE_MS = 10 * 60_000;

export interface Claimed {
  id: string;
  kind: DeliveryKind;
  occurrenceId: string | null;
  /** What a non-reminder mail is about (an approval slot or step, a signing recipient or envelope). */
  subjectId: string | null;
  contractId: string | null;
  recipientUserId: string | null;
  recipientEmail: string;
  infoOnly: boolean;
  locale: 'en' | 'de';
  level: number;
  attempts: number;
  firstAttemptAt: Date;
}

/**
 * Claims up to `limit` deliveries that are due (queued, or retrying whose next attempt has come,
 * or sending whose lease ran out because its worker died): marks them sending with a lease and
 * counts the attempt, in one statement. SKIP LOCKED lets several workers claim side by side
 * without waiting for or taking each other's rows. `kinds` limits the claim to those kinds.
 */
export async function claim(
  tx: Tx,
  orgId: string,
  now: Date,
  limit: number,
  kinds?: readonly DeliveryKind[],
): Promise<Claimed[]> {
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const ofKinds = kinds
    ? sql` AND kind IN (${sql.join(
        kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql``;
  const rows = await claimRows<Record<string, unknown>>(tx, {
    table: deliveries,
    orgId,
    where: sql`status IN ('queued', 'retrying', 'sending') AND next_attempt_at <= ${now}
      AND (status <> 'sending' OR lease_until < ${now})${ofKinds}`,
    orderBy: sql`next_attempt_at`,
    limit,
    set: sql`status = 'sending', lease_until = ${leaseUntil}, attempts = attempts + 1,
      first_attempt_at = coalesce(first_attempt_at, ${now}), updated_at = now()`,
    returning: sql`id, kind, occurrence_id, subject_id, contract_id, recipient_user_id, recipient_email, info_only,
      locale, level, attempts, first_attempt_at`,
  });
  return rows.map((r) => ({
    id: r.id as string,
    kind: r.kind as DeliveryKind,
    occurrenceId: (r.occurrence_id as string | null) ?? null,
    subjectId: (r.subject_id as string | null) ?? null,
    contractId: (r.contract_id as string | null) ?? null,
    recipientUserId: (r.recipient_user_id as string | null) ?? null,
    recipientEmail: r.recipient_email as string,
    infoOnly: r.info_only as boolean,
    locale: r.locale as 'en' | 'de',
    level: Number(r.level),
    attempts: Number(r.attempts),
    firstAttemptAt: new Date(r.first_attempt_at as string | Date),
  }));
}

/** Records a mail the SMTP server accepted; a digest's held items are sent with it. */
export async function markSent(tx: Tx, orgId: string, id: string, messageId: string, now: Date): Promise<void> {
  await tx.execute(sql`
    UPDATE deliveries SET status = 'sent', message_id = ${messageId}, sent_at = ${now}, lease_until = NULL,
                          last_error = NULL, updated_at = now()
    WHERE org_id = ${orgId} AND (id = ${id} OR (digest_id = ${id} AND status = 'held'))`);
}

/** Records a failed attempt: another try at `retryAt`, or the final status when there is none. */
export async function markFailed(
  tx: Tx,
  orgId: string,
  id: string,
  error: string,
  outcome: { status: 'retrying'; retryAt: Date } | { status: 'failed' | 'bounced' },
): Promise<void> {
  if (outcome.status === 'retrying') {
    await tx.execute(sql`
      UPDATE deliveries SET status = 'retrying', next_attempt_at = ${outcome.retryAt}, lease_until = NULL,
                            last_error = ${error}, updated_at = now()
      WHERE org_id = ${orgId} AND id = ${id}`);
    return;
  }
  await tx.execute(sql`
    UPDATE deliveries SET status = ${outcome.status}, lease_until = NULL, last_error = ${error}, updated_at = now()
    WHERE org_id = ${orgId} AND (id = ${id} OR (digest_id = ${id} AND status = 'held'))`);
}

export interface NewMail {
  orgId: string;
  kind: DeliveryKind;
  subjectId: string;
  contractId?: string | null;
  recipientUserId?: string | null;
  recipientEmail: string;
  locale: 'en' | 'de';
  /** Makes the mail exist once per org: `approval_request:<slot>:<user>` (docs/design/signing-and-approvals.md §1). */
  dedupeKey: string;
  now: Date;
}

/**
 * Queues one mail in the caller's transaction; answers whether it is new (false: a mail with this
 * dedupe key exists already). The caller then calls `wake(ctx, MAIL_SEND_JOB)` in the same transaction.
 */
export async function enqueueMail(tx: Tx, m: NewMail): Promise<boolean> {
  const result = await tx.execute(sql`
    INSERT INTO deliveries (org_id, id, dedupe_key, kind, subject_id, contract_id, recipient_user_id,
                            recipient_email, locale, status, next_attempt_at)
    VALUES (${m.orgId}, gen_random_uuid(), ${m.dedupeKey}, ${m.kind}, ${m.subjectId}, ${m.contractId ?? null},
            ${m.recipientUserId ?? null}, ${m.recipientEmail}, ${m.locale}, 'queued', ${m.now})
    ON CONFLICT (org_id, dedupe_key) DO NOTHING
    RETURNING id`);
  return rowsOf(result).length > 0;
}

export interface MailOrg {
  name: string;
  timeZone: string;
  /** Whether the org is read-only (cancelled) at that moment. */
  readOnly(at: Date): boolean;
}

/** What the sender needs to know of an org; null when it does not exist. */
export async function mailOrg(tx: Tx, orgId: string): Promise<MailOrg | null> {
  const [row] = await tx
    .select({
      name: orgs.name,
      timeZone: orgs.timeZone,
      status: subscriptions.status,
      accessUntil: subscriptions.accessUntil,
    })
    .from(orgs)
    .leftJoin(subscriptions, eq(subscriptions.orgId, orgs.id))
    .where(eq(orgs.id, orgId));
  if (!row) return null;
  const { status, accessUntil, ...org } = row;
  return { ...org, readOnly: (at: Date) => isReadOnly(status ? { status, accessUntil } : null, at) };
}

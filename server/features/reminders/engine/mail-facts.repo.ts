import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../db/client.js';
import { memberName } from '../../users/users.repo.js';

export interface ReminderFacts {
  deliveryId: string;
  occurrenceId: string;
  eventDate: string;
  dueOn: string;
  eventType: string;
  eventTitle: string | null;
  contractId: string;
  contractTitle: string;
  contractNumber: string | null;
  partnerName: string | null;
  lifecycle: unknown;
  recipientName: string | null;
  ownerName: string | null;
  backupOwnerName: string | null;
}

/** What the mails of these deliveries (or of the items held in these digests) talk about. */
export async function reminderFacts(
  tx: Tx,
  orgId: string,
  ids: { deliveryIds: string[]; digestIds: string[] },
): Promise<(ReminderFacts & { digestId: string | null })[]> {
  if (ids.deliveryIds.length === 0 && ids.digestIds.length === 0) return [];
  const deliveryIds = sql`ARRAY[${sql.join(
    ids.deliveryIds.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
  const digestIds = sql`ARRAY[${sql.join(
    ids.digestIds.map((i) => sql`${i}`),
    sql`, `,
  )}]::uuid[]`;
  const result = await tx.execute(sql`
    SELECT d.id AS delivery_id, d.digest_id, o.id AS occurrence_id, o.event_date::text, o.due_on::text,
           e.type AS event_type, e.title AS event_title, c.id AS contract_id, c.title AS contract_title,
           c.contract_number, p.name AS partner_name, c.lifecycle,
           ${memberName(orgId, sql`d.recipient_user_id`)} AS recipient_name,
           ${memberName(orgId, sql`c.owner_id`)} AS owner_name,
           ${memberName(orgId, sql`c.backup_owner_id`)} AS backup_owner_name
    FROM deliveries d
    JOIN reminder_occurrences o ON o.org_id = d.org_id AND o.id = d.occurrence_id
    JOIN events e ON e.org_id = o.org_id AND e.id = o.event_id
    JOIN contracts c ON c.org_id = o.org_id AND c.id = o.contract_id
    LEFT JOIN partners p ON p.org_id = c.org_id AND p.id = c.partner_id
    WHERE d.org_id = ${orgId}
      AND (d.id = ANY(${ids.deliveryIds.length ? deliveryIds : sql`'{}'::uuid[]`})
           OR d.digest_id = ANY(${ids.digestIds.length ? digestIds : sql`'{}'::uuid[]`}))
    ORDER BY o.event_date, c.title`);
  return rowsOf<Record<string, unknown>>(result).map((r) => ({
    deliveryId: r.delivery_id as string,
    digestId: (r.digest_id as string | null) ?? null,
    occurrenceId: r.occurrence_id as string,
    eventDate: r.event_date as string,
    dueOn: r.due_on as string,
    eventType: r.event_type as string,
    eventTitle: (r.event_title as string | null) ?? null,
    contractId: r.contract_id as string,
    contractTitle: r.contract_title as string,
    contractNumber: (r.contract_number as string | null) ?? null,
    partnerName: (r.partner_name as string | null) ?? null,
    lifecycle: r.lifecycle,
    recipientName: (r.recipient_name as string | null) ?? null,
    ownerName: (r.owner_name as string | null) ?? null,
    backupOwnerName: (r.backup_owner_name as string | null) ?? null,
  }));
}

export interface SummaryFacts {
  upcoming: { contractId: string; contractTitle: string; eventType: string; date: string }[];
  unacknowledged: { contractId: string; contractTitle: string; eventType: string; date: string; since: string }[];
  undeliverable: { recipientEmail: string; status: string; lastError: string | null; contractTitle: string | null }[];
}

/** The administrators' weekly summary: deadlines of the coming four weeks, what nobody acknowledged, what bounced. */
export async function summaryFacts(tx: Tx, orgId: string, today: string): Promise<SummaryFacts> {
  const upcoming = await tx.execute(sql`
    SELECT c.id AS contract_id, c.title AS contract_title, e.type AS event_type, e.date::text AS date
    FROM events e JOIN contracts c ON c.org_id = e.org_id AND c.id = e.contract_id
    WHERE e.org_id = ${orgId} AND e.type IN ('notice_deadline', 'end')
      AND e.date BETWEEN ${today}::date AND ${today}::date + 28
      AND c.deleted_at IS NULL AND c.status <> 'archived' AND c.phase <> 'ended'
    ORDER BY e.date, c.title LIMIT 100`);
  const unacknowledged = await tx.execute(sql`
    SELECT DISTINCT ON (r.id) c.id AS contract_id, c.title AS contract_title, e.type AS event_type,
           e.date::text AS date, o.due_on::text AS since
    FROM reminder_occurrences o
    JOIN reminders r ON r.org_id = o.org_id AND r.id = o.reminder_id
    JOIN events e ON e.org_id = r.org_id AND e.id = r.event_id AND e.date = o.event_date
    JOIN contracts c ON c.org_id = r.org_id AND c.id = r.contract_id
    WHERE o.org_id = ${orgId} AND o.event_date >= ${today}::date
      AND r.acknowledged_for IS DISTINCT FROM e.date AND r.dismissed_for IS DISTINCT FROM e.date
      AND c.deleted_at IS NULL AND c.status <> 'archived' AND c.phase <> 'ended'
    ORDER BY r.id, o.due_on LIMIT 100`);
  const undeliverable = await tx.execute(sql`
    SELECT d.recipient_email, d.status, d.last_error, c.title AS contract_title
    FROM deliveries d LEFT JOIN contracts c ON c.org_id = d.org_id AND c.id = d.contract_id
    WHERE d.org_id = ${orgId} AND d.status IN ('failed', 'bounced') AND d.updated_at >= ${today}::date - 7
    ORDER BY d.updated_at DESC LIMIT 100`);
  return {
    upcoming: rowsOf<Record<string, string>>(upcoming).map((r) => ({
      contractId: r.contract_id!,
      contractTitle: r.contract_title!,
      eventType: r.event_type!,
      date: r.date!,
    })),
    unacknowledged: rowsOf<Record<string, string>>(unacknowledged)
      .map((r) => ({
        contractId: r.contract_id!,
        contractTitle: r.contract_title!,
        eventType: r.event_type!,
        date: r.date!,
        since: r.since!,
      }))
      .sort((a, b) => a.date.localeCompare(b.date)),
    undeliverable: rowsOf<Record<string, string | null>>(undeliverable).map((r) => ({
      recipientEmail: r.recipient_email!,
      status: r.status!,
      lastError: r.last_error ?? null,
      contractTitle: r.contract_title ?? null,
    })),
  };
}

import { sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../../db/client.js';

/**
 * The set-wise half of the delivery engine. Each function is one SQL statement that runs in the
 * org's transaction: whatever it finds due becomes its occurrence and its deliveries in that same
 * statement, so a due reminder is never found twice nor lost between finding and queueing.
 */

/**
 * Takes this org's reminder lock for the transaction, or answers false when another worker holds
 * it. The queueing statements run once each: compiling them (JIT) costs more than it saves.
 */
export async function tryReminderLock(tx: Tx, orgId: string): Promise<boolean> {
  const result = await tx.execute(
    sql`select pg_try_advisory_xact_lock(hashtext('deedbox.reminders.enqueue'), hashtext(${orgId})) as locked,
               set_config('jit', 'off', true)`,
  );
  return rowsOf<{ locked: boolean }>(result)[0]?.locked === true;
}

/** Where the reminder reaches: every recipient kind of the reminder, one row per person or address. */
const RECIPIENTS = sql`
  SELECT d.owner_id AS user_id, NULL::text AS email, false AS info_only
    WHERE coalesce((d.recipients ->> 'owner')::boolean, false) AND d.owner_id IS NOT NULL
  UNION SELECT d.backup_owner_id, NULL, false
    WHERE coalesce((d.recipients ->> 'backupOwner')::boolean, false) AND d.backup_owner_id IS NOT NULL
  UNION SELECT u.value::uuid, NULL, false FROM jsonb_array_elements_text(d.recipients -> 'userIds') AS u(value)
  UNION SELECT ur.user_id, NULL, false FROM unit_roles ur
    WHERE coalesce((d.recipients ->> 'unitEditors')::boolean, false)
      AND ur.org_id = d.org_id AND ur.business_unit_id = d.business_unit_id AND ur.role = 'editor'
  UNION SELECT m.user_id, NULL, false FROM memberships m
    WHERE d.kind = 'expiry' AND d.owner_id IS NULL AND m.org_id = d.org_id AND m.is_admin
  UNION SELECT NULL, lower(e.value), true FROM jsonb_array_elements_text(d.recipients -> 'emails') AS e(value)`;

/** Reminders stop for archived, ended and deleted contracts. */
const CONTRACT_LIVE = sql`c.deleted_at IS NULL AND c.status <> 'archived' AND c.phase <> 'ended'`;

/**
 * Turns every reminder due on `day` (next_due_on ≤ day: missed days collapse into one mail)
 * into an occurrence and one delivery per recipient, and moves next_due_on past `day`. Members
 * who chose the daily digest get their item held for it. Answers the occurrences (and their ids) and
 * deliveries made.
 */
export async function enqueueDue(
  tx: Tx,
  orgId: string,
  day: string,
  now: Date,
): Promise<{ occurrences: number; deliveries: number; occurrenceIds: string[] }> {
  // Reminders whose event has passed (or lost its date) wait for the event to move: the trigger
  // on events recomputes next_due_on then. Nothing escalates for a past date either.
  // Index lookups of each candidate's event (an anti-join), not a join of all past events.
  const eventAhead = sql`EXISTS (SELECT 1 FROM events e WHERE e.org_id = r.org_id AND e.id = r.event_id
    AND e.date >= ${day}::date)`;
  await tx.execute(sql`
    UPDATE reminders r SET next_due_on = NULL
    WHERE r.org_id = ${orgId} AND r.next_due_on <= ${day}::date AND NOT ${eventAhead}`);
  await tx.execute(sql`
    UPDATE reminders r SET open_since = NULL
    WHERE r.org_id = ${orgId} AND r.open_since IS NOT NULL AND NOT ${eventAhead}`);
  const result = await tx.execute(sql`
    WITH candidates AS (
      SELECT r.org_id, r.id AS reminder_id, r.event_id, r.contract_id, r.kind, r.recipients, r.created_by,
             r.acknowledged_for, e.date AS event_date, c.owner_id, c.backup_owner_id, c.business_unit_id
      FROM reminders r
      JOIN events e ON e.org_id = r.org_id AND e.id = r.event_id
      JOIN contracts c ON c.org_id = r.org_id AND c.id = r.contract_id
      WHERE r.org_id = ${orgId} AND r.next_due_on <= ${day}::date
        AND e.date >= ${day}::date
        AND r.dismissed_for IS DISTINCT FROM e.date
        AND ${CONTRACT_LIVE}
    ),
    -- The expiry notification is the safety net: on a day when another reminder of the same event
    -- already reaches the owner, it stays silent (its next day still moves on).
    owner_told AS (
      SELECT o.event_id FROM candidates o
      WHERE o.kind <> 'expiry' AND o.owner_id IS NOT NULL
        AND (coalesce((o.recipients ->> 'owner')::boolean, false) OR (o.recipients -> 'userIds') ? o.owner_id::text)
    ),
    due AS (
      SELECT d.*, (d.kind = 'expiry' AND d.event_id IN (SELECT event_id FROM owner_told)) AS silent
      FROM candidates d
    ),
    advanced AS (
      UPDATE reminders r
      SET next_due_on = reminder_next_due(d.event_date, r.lead_times, r.repeat, ${day}::date + 1),
          -- Unacknowledged from the first mail on: escalation counts from then.
          open_since = CASE WHEN d.silent THEN r.open_since
                            WHEN d.acknowledged_for IS DISTINCT FROM d.event_date
                            THEN coalesce(r.open_since, ${day}::date) END
      FROM due d
      WHERE r.org_id = d.org_id AND r.id = d.reminder_id
      RETURNING r.id
    ),
    occ AS (
      INSERT INTO reminder_occurrences (org_id, id, reminder_id, event_id, contract_id, event_date, due_on)
      SELECT d.org_id, gen_random_uuid(), d.reminder_id, d.event_id, d.contract_id, d.event_date, ${day}::date
      FROM due d
      WHERE NOT d.silent
      ON CONFLICT (org_id, reminder_id, event_date, due_on) DO NOTHING
      RETURNING id, reminder_id
    ),
    rcpt AS (
      SELECT o.id AS occurrence_id, d.org_id, d.reminder_id, d.contract_id, d.created_by, x.user_id, x.email, x.info_only
      FROM occ o
      JOIN due d ON d.reminder_id = o.reminder_id
      CROSS JOIN LATERAL (${RECIPIENTS}) AS x
    ),
    made AS (
      INSERT INTO deliveries (org_id, id, dedupe_key, kind, occurrence_id, reminder_id, contract_id,
                              recipient_user_id, recipient_email, info_only, locale, status, next_attempt_at)
      SELECT r.org_id, gen_random_uuid(), 'r:' || r.occurrence_id || ':' || coalesce(r.user_id::text, r.email),
             'reminder', r.occurrence_id, r.reminder_id, r.contract_id, r.user_id, coalesce(u.email, r.email),
             r.info_only, coalesce(u.locale, creator.locale, 'en'),
             CASE WHEN m.reminder_digest THEN 'held' ELSE 'queued' END, ${now}
      FROM rcpt r
      LEFT JOIN users u ON u.id = r.user_id
      LEFT JOIN memberships m ON m.org_id = r.org_id AND m.user_id = r.user_id
      LEFT JOIN users creator ON creator.id = r.created_by
      WHERE r.user_id IS NULL OR (u.id IS NOT NULL AND m.status = 'active' AND m.locked_at IS NULL)
      ON CONFLICT (org_id, dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*) FROM occ)::int AS occurrences, (SELECT count(*) FROM made)::int AS deliveries,
           (SELECT coalesce(json_agg(id), '[]'::json) FROM occ) AS occurrence_ids`);
  const row = rowsOf<{ occurrences: number; deliveries: number; occurrence_ids: string[] | string }>(result)[0]!;
  const ids =
    typeof row.occurrence_ids === 'string' ? (JSON.parse(row.occurrence_ids) as string[]) : row.occurrence_ids;
  return { occurrences: row.occurrences, deliveries: row.deliveries, occurrenceIds: ids };
}

/**
 * Escalates reminders whose first mail for the event's current date went out `afterDays` days
 * ago (twice that for the second step) without acknowledgement: first to the backup owner, then
 * to the administrators (straight to them when there is no backup owner). Driven by the open
 * reminders' `open_since`, an index range, not by the history of occurrences.
 */
export async function escalate(tx: Tx, orgId: string, day: string, afterDays: number, now: Date): Promise<number> {
  const result = await tx.execute(sql`
    WITH cand AS (
      SELECT r.org_id, r.id AS reminder_id, e.date AS event_date, r.contract_id, r.open_since,
             -- A backup owner who is locked, removed or not yet joined is skipped: straight to the administrators.
             (SELECT m.user_id FROM memberships m
              WHERE m.org_id = c.org_id AND m.user_id = c.backup_owner_id AND m.status = 'active'
                AND m.locked_at IS NULL) AS backup_owner_id,
             CASE WHEN r.escalated_for = e.date THEN r.escalation_level ELSE 0 END AS level,
             (SELECT o.id FROM reminder_occurrences o
              WHERE o.org_id = r.org_id AND o.reminder_id = r.id AND o.event_date = e.date
              ORDER BY o.due_on LIMIT 1) AS occurrence_id
      FROM reminders r
      JOIN events e ON e.org_id = r.org_id AND e.id = r.event_id
      JOIN contracts c ON c.org_id = r.org_id AND c.id = r.contract_id
      WHERE r.org_id = ${orgId} AND r.open_since <= ${day}::date - ${afterDays}::int
        AND e.date >= ${day}::date
        AND r.acknowledged_for IS DISTINCT FROM e.date AND r.dismissed_for IS DISTINCT FROM e.date
        AND ${CONTRACT_LIVE}
    ),
    step AS (
      SELECT cand.*,
             CASE WHEN level = 0 AND backup_owner_id IS NOT NULL THEN 1 ELSE 2 END AS next_level
      FROM cand
      WHERE level < 2 AND occurrence_id IS NOT NULL AND open_since <= ${day}::date - ${afterDays}::int * (level + 1)
    ),
    marked AS (
      UPDATE reminders r
      SET escalation_level = s.next_level, escalated_for = s.event_date, updated_at = now(),
          -- The administrators are the last step: nothing stays open to escalate.
          open_since = CASE WHEN s.next_level < 2 THEN r.open_since END
      FROM step s WHERE r.org_id = s.org_id AND r.id = s.reminder_id
      RETURNING r.id
    ),
    rcpt AS (
      SELECT s.*, s.backup_owner_id AS user_id FROM step s WHERE s.next_level = 1
      UNION ALL
      SELECT s.*, m.user_id FROM step s JOIN memberships m ON m.org_id = s.org_id AND m.is_admin
        WHERE s.next_level = 2 AND m.status = 'active' AND m.locked_at IS NULL
    ),
    made AS (
      INSERT INTO deliveries (org_id, id, dedupe_key, kind, occurrence_id, reminder_id, contract_id,
                              recipient_user_id, recipient_email, locale, level, status, next_attempt_at)
      SELECT r.org_id, gen_random_uuid(), 'e:' || r.occurrence_id || ':' || r.next_level || ':' || r.user_id,
             'escalation', r.occurrence_id, r.reminder_id, r.contract_id, r.user_id, u.email, u.locale, r.next_level,
             'queued', ${now}
      FROM rcpt r JOIN users u ON u.id = r.user_id
      ON CONFLICT (org_id, dedupe_key) DO NOTHING
      RETURNING id
    )
    SELECT (SELECT count(*) FROM made)::int AS made, (SELECT count(*) FROM marked)::int AS marked`);
  return rowsOf<{ made: number }>(result)[0]!.made;
}

/** Gathers held digest items into one digest mail per member (items stay held until it is sent). */
export async function gatherDigests(tx: Tx, orgId: string, now: Date): Promise<number> {
  const result = await tx.execute(sql`
    WITH held AS (
      SELECT recipient_user_id, min(id::text) AS first_id, min(recipient_email) AS email, min(locale) AS locale
      FROM deliveries
      WHERE org_id = ${orgId} AND status = 'held' AND digest_id IS NULL
      GROUP BY recipient_user_id
    ),
    made AS (
      INSERT INTO deliveries (org_id, id, dedupe_key, kind, recipient_user_id, recipient_email, locale, status, next_attempt_at)
      SELECT ${orgId}, gen_random_uuid(), 'd:' || h.first_id, 'digest', h.recipient_user_id, h.email, h.locale, 'queued', ${now}
      FROM held h
      ON CONFLICT (org_id, dedupe_key) DO NOTHING
      RETURNING id, recipient_user_id
    )
    UPDATE deliveries h SET digest_id = m.id, updated_at = now()
    FROM made m
    WHERE h.org_id = ${orgId} AND h.status = 'held' AND h.digest_id IS NULL AND h.recipient_user_id = m.recipient_user_id
    RETURNING m.id`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id)).size;
}

/**
 * Queues the weekly summary for each administrator once per week (the week starting Monday `weekOf`).
 * The summary vouches for the week before ("nothing slipped"), so it only goes out when Deedbox
 * watched that whole week — the account existed by its Monday, in the account's time zone — and
 * there is something to watch: at least one contract outside the recycle bin.
 */
export async function queueWeeklySummaries(tx: Tx, orgId: string, weekOf: string, now: Date): Promise<number> {
  const result = await tx.execute(sql`
    INSERT INTO deliveries (org_id, id, dedupe_key, kind, recipient_user_id, recipient_email, locale, status, next_attempt_at)
    SELECT m.org_id, gen_random_uuid(), 's:' || ${weekOf} || ':' || m.user_id, 'summary', m.user_id, u.email, u.locale,
           'queued', ${now}
    FROM memberships m JOIN users u ON u.id = m.user_id JOIN orgs o ON o.id = m.org_id
    WHERE m.org_id = ${orgId} AND m.is_admin AND m.status = 'active' AND m.locked_at IS NULL
      AND (o.created_at AT TIME ZONE o.time_zone)::date <= ${weekOf}::date - 7
      AND EXISTS (SELECT 1 FROM contracts c WHERE c.org_id = m.org_id AND c.deleted_at IS NULL)
    ON CONFLICT (org_id, dedupe_key) DO NOTHING
    RETURNING id`);
  return rowsOf(result).length;
}

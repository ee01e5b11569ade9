-- The occurrence arithmetic as PL/pgSQL: the same rules as 0013 (and common/reminders/
-- occurrences.ts, which a property test holds them to), but a SQL function with a FROM clause
-- cannot be inlined and cost 33 µs a call; this one costs under 1 µs, which the daily queueing of
-- tens of thousands of reminders feels (bench/README.md, "Reminders at scale").
CREATE OR REPLACE FUNCTION reminder_next_due(event_date date, lead_times integer[], repeat text, from_day date)
RETURNS date LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  best date;
  anchor date;
  d date;
  lt integer;
  k integer;
BEGIN
  IF event_date IS NULL OR from_day IS NULL OR lead_times IS NULL OR from_day > event_date THEN
    RETURN NULL;
  END IF;
  FOREACH lt IN ARRAY lead_times LOOP
    d := event_date - lt;
    IF d >= from_day AND d <= event_date AND (best IS NULL OR d < best) THEN best := d; END IF;
    IF anchor IS NULL OR d < anchor THEN anchor := d; END IF;
  END LOOP;
  IF anchor IS NULL OR repeat = 'once' THEN RETURN best; END IF;
  IF anchor >= from_day THEN
    d := anchor;
  ELSIF repeat = 'daily' THEN
    d := from_day;
  ELSIF repeat = 'weekly' THEN
    d := anchor + 7 * ((from_day - anchor + 6) / 7);
  ELSIF repeat = 'monthly' THEN
    k := (extract(year FROM from_day)::int - extract(year FROM anchor)::int) * 12
         + extract(month FROM from_day)::int - extract(month FROM anchor)::int;
    d := (anchor + make_interval(months => k))::date;
    IF d < from_day THEN d := (anchor + make_interval(months => k + 1))::date; END IF;
  ELSE
    RETURN best;
  END IF;
  IF d <= event_date AND (best IS NULL OR d < best) THEN best := d; END IF;
  RETURN best;
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION reminder_first_due(event_date date, lead_times integer[], repeat text, created_on date)
RETURNS date LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
  lt integer;
BEGIN
  IF event_date IS NULL OR created_on IS NULL OR lead_times IS NULL OR cardinality(lead_times) = 0
     OR created_on > event_date THEN
    RETURN NULL;
  END IF;
  -- Some lead day still ahead: the next due day from created_on. All passed: catch up at once.
  FOREACH lt IN ARRAY lead_times LOOP
    IF event_date - lt >= created_on THEN
      RETURN coalesce(reminder_next_due(event_date, lead_times, repeat, created_on), created_on);
    END IF;
  END LOOP;
  RETURN created_on;
END $$;
--> statement-breakpoint
-- A moved event starts afresh: next due day from the reminder's first possible day, and no
-- escalation running for the old date.
CREATE OR REPLACE FUNCTION move_event_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders r
  SET next_due_on = reminder_first_due(n.date, r.lead_times, r.repeat, r.created_on), open_since = NULL,
      updated_at = now()
  FROM new_rows n JOIN old_rows o ON o.org_id = n.org_id AND o.id = n.id
  WHERE r.org_id = n.org_id AND r.event_id = n.id AND o.date IS DISTINCT FROM n.date;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- Reminders mailed before this migration and not acknowledged since: open from their first mail.
UPDATE reminders r
SET open_since = (SELECT min(o.due_on) FROM reminder_occurrences o
                  WHERE o.org_id = r.org_id AND o.reminder_id = r.id AND o.event_date = e.date)
FROM events e
WHERE e.org_id = r.org_id AND e.id = r.event_id
  AND r.acknowledged_for IS DISTINCT FROM e.date AND r.dismissed_for IS DISTINCT FROM e.date
  AND NOT (r.escalated_for = e.date AND r.escalation_level >= 2)
  AND EXISTS (SELECT 1 FROM reminder_occurrences o
              WHERE o.org_id = r.org_id AND o.reminder_id = r.id AND o.event_date = e.date);

-- Events and reminders: forced row-level security like every tenant table, the occurrence
-- arithmetic as SQL functions (twins of common/reminders/occurrences.ts, tested against it),
-- and triggers that keep system events and reminders in step with the contracts' stored dates.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['events', 'reminders', 'reminder_occurrences', 'deliveries', 'mail_templates'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = app_org()) WITH CHECK (org_id = app_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO deedbox_app', t);
  END LOOP;
END $$;
--> statement-breakpoint
-- A feed is found by the hash of its URL's token, before anyone is signed in (like API keys).
ALTER TABLE calendar_feeds ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE calendar_feeds FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON calendar_feeds
  USING (org_id = app_org() OR token_hash = app_claim('app.token_hash'))
  WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON calendar_feeds TO deedbox_app;
--> statement-breakpoint
-- The first day on or after from_day on which a reminder is due for an event on event_date:
-- each lead time's day, and with repetition every day/week/month from the earliest lead day
-- (months counted from that day, clamped to month ends) up to the event. Null when none is left.
CREATE OR REPLACE FUNCTION reminder_next_due(event_date date, lead_times integer[], repeat text, from_day date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT min(d) FROM (
    SELECT event_date - lt AS d FROM unnest(lead_times) AS lt
    UNION ALL
    SELECT CASE repeat
      WHEN 'daily' THEN greatest(f, from_day)
      WHEN 'weekly' THEN f + 7 * ((greatest(from_day - f, 0) + 6) / 7)
      WHEN 'monthly' THEN (
        SELECT CASE WHEN c >= from_day THEN c ELSE (f + make_interval(months => k + 1))::date END
        FROM (SELECT k, (f + make_interval(months => k))::date AS c
              FROM (SELECT greatest(0, (extract(year FROM from_day)::int - extract(year FROM f)::int) * 12
                                    + extract(month FROM from_day)::int - extract(month FROM f)::int) AS k) m) mc)
    END
    FROM (SELECT event_date - max(lt) AS f FROM unnest(lead_times) AS lt) s
    WHERE repeat <> 'once' AND f IS NOT NULL
  ) candidates
  WHERE d >= from_day AND d <= event_date
$$;
--> statement-breakpoint
-- The first due day of a reminder created (or whose event moved) with created_on as its first
-- possible day: the next due day from there, or, when every lead day has already passed but the
-- event is still ahead, created_on itself (one catch-up reminder rather than none, and rather
-- than a wait for the next weekly or monthly repetition).
CREATE OR REPLACE FUNCTION reminder_first_due(event_date date, lead_times integer[], repeat text, created_on date)
RETURNS date LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT CASE
    WHEN event_date IS NULL OR cardinality(lead_times) = 0 OR created_on > event_date THEN NULL
    ELSE coalesce(
      CASE WHEN EXISTS (SELECT 1 FROM unnest(lead_times) AS lt WHERE event_date - lt >= created_on)
           THEN reminder_next_due(event_date, lead_times, repeat, created_on) END,
      created_on)
  END
$$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION reminder_next_due(date, integer[], text, date), reminder_first_due(date, integer[], text, date) TO deedbox_app;
--> statement-breakpoint
-- System events follow the contract's stored dates (written on every save and by the daily refresh).
CREATE OR REPLACE FUNCTION sync_contract_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO events (org_id, id, contract_id, type, date)
  SELECT n.org_id, gen_random_uuid(), n.id, t.type, t.date
  FROM new_rows n
  CROSS JOIN LATERAL (VALUES
    ('start', (n.lifecycle ->> 'startDate')::date),
    ('end', n.ends_on),
    ('notice_deadline', n.notice_deadline),
    ('renewal', CASE WHEN n.lifecycle ->> 'type' = 'auto_renewal' AND n.ends_on IS NULL AND n.current_term_end IS NOT NULL
                     THEN n.current_term_end + 1 END)
  ) AS t(type, date)
  ON CONFLICT (org_id, contract_id, type) WHERE type <> 'custom'
  DO UPDATE SET date = excluded.date, updated_at = now()
  WHERE events.date IS DISTINCT FROM excluded.date;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER contracts_events_insert AFTER INSERT ON contracts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_contract_events();
--> statement-breakpoint
CREATE TRIGGER contracts_events_update AFTER UPDATE ON contracts
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_contract_events();
--> statement-breakpoint
-- Every end and notice deadline carries the account's global expiry notification.
CREATE OR REPLACE FUNCTION add_expiry_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO reminders (org_id, id, event_id, contract_id, kind, lead_times, repeat, recipients, created_on, next_due_on)
  SELECT n.org_id, gen_random_uuid(), n.id, n.contract_id, 'expiry', d.days, 'once',
         '{"userIds":[],"emails":[],"owner":true,"backupOwner":false,"unitEditors":false}'::jsonb,
         c.computed_on, reminder_first_due(n.date, d.days, 'once', c.computed_on)
  FROM new_rows n
  JOIN contracts c ON c.org_id = n.org_id AND c.id = n.contract_id
  JOIN orgs o ON o.id = n.org_id
  CROSS JOIN LATERAL (SELECT CASE n.type WHEN 'end' THEN o.expiry_end_days ELSE o.expiry_notice_days END AS days) d
  WHERE n.type IN ('end', 'notice_deadline')
  ON CONFLICT (org_id, event_id) WHERE kind = 'expiry' DO NOTHING;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_expiry_reminders AFTER INSERT ON events
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION add_expiry_reminders();
--> statement-breakpoint
-- When an event moves, its reminders move with it: the next due day is computed afresh.
CREATE OR REPLACE FUNCTION move_event_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE reminders r
  SET next_due_on = reminder_first_due(n.date, r.lead_times, r.repeat, r.created_on), updated_at = now()
  FROM new_rows n JOIN old_rows o ON o.org_id = n.org_id AND o.id = n.id
  WHERE r.org_id = n.org_id AND r.event_id = n.id AND o.date IS DISTINCT FROM n.date;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER events_move_reminders AFTER UPDATE ON events
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION move_event_reminders();
--> statement-breakpoint
-- Contracts saved before this migration get their system events (and expiry reminders) now.
INSERT INTO events (org_id, id, contract_id, type, date)
SELECT c.org_id, gen_random_uuid(), c.id, t.type, t.date
FROM contracts c
CROSS JOIN LATERAL (VALUES
  ('start', (c.lifecycle ->> 'startDate')::date),
  ('end', c.ends_on),
  ('notice_deadline', c.notice_deadline),
  ('renewal', CASE WHEN c.lifecycle ->> 'type' = 'auto_renewal' AND c.ends_on IS NULL AND c.current_term_end IS NOT NULL
                   THEN c.current_term_end + 1 END)
) AS t(type, date)
ON CONFLICT (org_id, contract_id, type) WHERE type <> 'custom' DO NOTHING;

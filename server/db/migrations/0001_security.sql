-- Tenancy by construction: the app works as deedbox_app, which cannot bypass row-level security.
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'deedbox_app') THEN
    CREATE ROLE deedbox_app NOLOGIN NOBYPASSRLS;
  END IF;
END
$$;
--> statement-breakpoint
DO $$
BEGIN
  IF NOT pg_has_role(current_user, 'deedbox_app', 'MEMBER') THEN
    EXECUTE format('GRANT deedbox_app TO %I', current_user);
  END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO deedbox_app;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_claim(name text) RETURNS text
  LANGUAGE sql STABLE AS $$ SELECT nullif(current_setting(name, true), '') $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_org() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT app_claim('app.org_id')::uuid $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION app_user() RETURNS uuid
  LANGUAGE sql STABLE AS $$ SELECT app_claim('app.user_id')::uuid $$;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION app_claim(text), app_org(), app_user() TO deedbox_app;
--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['orgs', 'business_units', 'memberships', 'unit_roles', 'invitations', 'api_keys',
    'sessions', 'users', 'user_tokens', 'audit_events', 'audit_personal', 'audit_heads']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
  FOREACH t IN ARRAY ARRAY['business_units', 'unit_roles', 'audit_events', 'audit_personal', 'audit_heads']
  LOOP
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = app_org()) WITH CHECK (org_id = app_org())', t);
  END LOOP;
  -- Credentials are found by the hash of a secret the caller presents: knowing it is the capability.
  FOREACH t IN ARRAY ARRAY['invitations', 'api_keys', 'sessions']
  LOOP
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = app_org() OR token_hash = app_claim(''app.token_hash'')) WITH CHECK (org_id = app_org())', t);
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE POLICY tenant ON orgs USING (id = app_org()) WITH CHECK (id = app_org());
--> statement-breakpoint
CREATE POLICY tenant ON memberships
  USING (org_id = app_org() OR user_id = app_user())
  WITH CHECK (org_id = app_org());
--> statement-breakpoint
CREATE POLICY tenant ON users
  USING (
    id = app_user()
    OR lower(email) = app_claim('app.email')
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = app_org())
  )
  WITH CHECK (
    id = app_user()
    OR lower(email) = app_claim('app.email')
    OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = users.id AND m.org_id = app_org())
  );
--> statement-breakpoint
CREATE POLICY tenant ON user_tokens
  USING (user_id = app_user() OR token_hash = app_claim('app.token_hash'))
  WITH CHECK (user_id = app_user() OR token_hash = app_claim('app.token_hash'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON orgs, business_units, memberships, unit_roles, invitations, api_keys,
  sessions, users, user_tokens TO deedbox_app;
--> statement-breakpoint
-- The activity log is append-only for the app; erasure removes personal data, never events.
GRANT SELECT, INSERT ON audit_events TO deedbox_app;
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON audit_personal TO deedbox_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON audit_heads TO deedbox_app;

-- The repository's new tenant tables: the same forced row-level security as every tenant table.
ALTER TABLE categories ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE categories FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON categories USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON categories TO deedbox_app;
--> statement-breakpoint
ALTER TABLE org_units ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE org_units FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON org_units USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON org_units TO deedbox_app;
--> statement-breakpoint
ALTER TABLE custom_fields ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE custom_fields FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON custom_fields USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON custom_fields TO deedbox_app;
--> statement-breakpoint
ALTER TABLE billing_lines ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE billing_lines FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON billing_lines USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON billing_lines TO deedbox_app;
--> statement-breakpoint
ALTER TABLE contract_number_counters ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contract_number_counters FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON contract_number_counters USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON contract_number_counters TO deedbox_app;
--> statement-breakpoint
ALTER TABLE saved_views ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE saved_views FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON saved_views USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON saved_views TO deedbox_app;
--> statement-breakpoint
ALTER TABLE imports ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE imports FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON imports USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON imports TO deedbox_app;

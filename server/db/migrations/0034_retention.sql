CREATE TABLE "org_deletions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"name_sha256" text NOT NULL,
	"reason" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"counts" jsonb NOT NULL,
	"notify" jsonb,
	"receipt" jsonb
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "legal_hold_reason" text;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "legal_hold_since" timestamp with time zone;--> statement-breakpoint
-- Deletion records are the operator's, not a tenant's: only a transaction claiming app.retention
-- (the deletion run and the operator CLI) sees them.
ALTER TABLE "org_deletions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "org_deletions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY retention ON "org_deletions"
  USING (app_claim('app.retention') = 'on')
  WITH CHECK (app_claim('app.retention') = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "org_deletions" TO deedbox_app;

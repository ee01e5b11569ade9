CREATE TABLE "backup_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"location" text,
	"size" bigint,
	"sha256" text,
	"ok" boolean,
	"error" text
);
--> statement-breakpoint
CREATE INDEX "backup_runs_kind_idx" ON "backup_runs" USING btree ("kind","started_at");--> statement-breakpoint
-- Backup run records are the operators', not a tenant's: only a transaction claiming app.jobs (the
-- backup job and the backup commands) sees or writes them; a request never does.
ALTER TABLE "backup_runs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "backup_runs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY jobs ON "backup_runs"
  USING (app_claim('app.jobs') = 'on')
  WITH CHECK (app_claim('app.jobs') = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "backup_runs" TO deedbox_app;

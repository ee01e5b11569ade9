CREATE TABLE "job_runs" (
	"id" uuid PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"org_id" uuid,
	"started_at" timestamp with time zone NOT NULL,
	"finished_at" timestamp with time zone,
	"status" text NOT NULL,
	"counts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"attempt" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "job_runs" ADD CONSTRAINT "job_runs_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "job_runs_job_idx" ON "job_runs" USING btree ("job","org_id","started_at");--> statement-breakpoint
-- Run records are the operators', not a tenant's: only a transaction claiming app.jobs (the job
-- runner and `deedbox jobs`) sees or writes them; a request never does.
ALTER TABLE "job_runs" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "job_runs" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY jobs ON "job_runs"
  USING (app_claim('app.jobs') = 'on')
  WITH CHECK (app_claim('app.jobs') = 'on');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "job_runs" TO deedbox_app;

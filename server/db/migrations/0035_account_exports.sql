CREATE TABLE "account_exports" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"requested_by" uuid,
	"locale" text DEFAULT 'en' NOT NULL,
	"done" integer DEFAULT 0 NOT NULL,
	"total" integer DEFAULT 0 NOT NULL,
	"error" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"lease_until" timestamp with time zone,
	"blob_name" text,
	"size" bigint,
	"sealed_size" bigint,
	"sha256" text,
	"data_key" "bytea",
	"org_key_version" integer,
	"counts" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"expires_at" timestamp with time zone,
	CONSTRAINT "account_exports_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "account_exports" ADD CONSTRAINT "account_exports_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "account_exports_id_key" ON "account_exports" USING btree ("id");--> statement-breakpoint
CREATE INDEX "account_exports_created_idx" ON "account_exports" USING btree ("org_id","created_at");--> statement-breakpoint
CREATE INDEX "account_exports_pending_idx" ON "account_exports" USING btree ("org_id","created_at") WHERE "account_exports"."status" in ('queued', 'running');--> statement-breakpoint
CREATE INDEX "account_exports_org_key_idx" ON "account_exports" USING btree ("org_id","org_key_version");--> statement-breakpoint
-- An export holds the org's whole data: only its own org's requests and jobs see it.
ALTER TABLE "account_exports" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "account_exports" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "account_exports" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "account_exports" TO deedbox_app;

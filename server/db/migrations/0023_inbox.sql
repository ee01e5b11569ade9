CREATE TABLE "inbox_addresses" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"data_key" "bytea" NOT NULL,
	"org_key_version" integer NOT NULL,
	"local_part" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "require_attachment" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source" text DEFAULT 'upload' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_sender" "bytea";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_subject" "bytea";--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_message" text;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "source_part" integer;--> statement-breakpoint
ALTER TABLE "inbox_addresses" ADD CONSTRAINT "inbox_addresses_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_addresses_token_key" ON "inbox_addresses" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "documents_source_message_key" ON "documents" USING btree ("org_id","source_message","source_part") WHERE "documents"."source_message" is not null;--> statement-breakpoint
ALTER TABLE inbox_addresses ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE inbox_addresses FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- Mail arrives before any org is known: the hash of the address's secret local part is the capability (like API keys).
CREATE POLICY tenant ON inbox_addresses
  USING (org_id = app_org() OR token_hash = app_claim('app.token_hash'))
  WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON inbox_addresses TO deedbox_app;

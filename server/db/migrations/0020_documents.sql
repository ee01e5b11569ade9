CREATE SCHEMA "keystore";
--> statement-breakpoint
CREATE TABLE "blob_deletions" (
	"org_id" uuid NOT NULL,
	"blob_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"purge_after" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "blob_deletions_org_id_blob_name_pk" PRIMARY KEY("org_id","blob_name")
);
--> statement-breakpoint
CREATE TABLE "document_versions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"number" integer NOT NULL,
	"blob_name" text NOT NULL,
	"size" bigint NOT NULL,
	"sealed_size" bigint NOT NULL,
	"sha256" text NOT NULL,
	"mime_type" text NOT NULL,
	"data_key" "bytea" NOT NULL,
	"org_key_version" integer NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"text_status" text DEFAULT 'pending' NOT NULL,
	"text_attempts" integer DEFAULT 0 NOT NULL,
	"text_after" timestamp with time zone,
	CONSTRAINT "document_versions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"kind" text NOT NULL,
	"contract_id" uuid,
	"in_inbox" boolean DEFAULT false NOT NULL,
	"data_key" "bytea" NOT NULL,
	"org_key_version" integer NOT NULL,
	"name" "bytea" NOT NULL,
	"url" "bytea",
	"provider" text,
	"current_version" integer,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	"deleted_by" uuid,
	CONSTRAINT "documents_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "keystore"."org_keys" (
	"org_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"wrapped" "bytea" NOT NULL,
	"master_version" integer NOT NULL,
	"state" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "org_keys_org_id_version_pk" PRIMARY KEY("org_id","version")
);
--> statement-breakpoint
ALTER TABLE "document_versions" ADD CONSTRAINT "document_versions_org_id_document_id_documents_org_id_id_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_org_id_contract_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_id_key" ON "document_versions" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "document_versions_number_key" ON "document_versions" USING btree ("org_id","document_id","number");--> statement-breakpoint
CREATE INDEX "document_versions_org_key_idx" ON "document_versions" USING btree ("org_id","org_key_version");--> statement-breakpoint
CREATE INDEX "document_versions_text_idx" ON "document_versions" USING btree ("text_after") WHERE "document_versions"."text_status" = 'pending';--> statement-breakpoint
CREATE UNIQUE INDEX "documents_id_key" ON "documents" USING btree ("id");--> statement-breakpoint
CREATE INDEX "documents_contract_idx" ON "documents" USING btree ("org_id","contract_id");--> statement-breakpoint
CREATE INDEX "documents_inbox_idx" ON "documents" USING btree ("org_id","created_at") WHERE "documents"."in_inbox";--> statement-breakpoint
CREATE INDEX "documents_deleted_idx" ON "documents" USING btree ("deleted_at") WHERE "documents"."deleted_at" is not null;--> statement-breakpoint
CREATE INDEX "documents_org_key_idx" ON "documents" USING btree ("org_id","org_key_version");--> statement-breakpoint
CREATE INDEX "org_keys_master_idx" ON "keystore"."org_keys" USING btree ("master_version");--> statement-breakpoint
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['documents', 'document_versions', 'blob_deletions']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant ON %I USING (org_id = app_org()) WITH CHECK (org_id = app_org())', t);
    EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON %I TO deedbox_app', t);
  END LOOP;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA keystore TO deedbox_app;
--> statement-breakpoint
ALTER TABLE keystore.org_keys ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE keystore.org_keys FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON keystore.org_keys USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON keystore.org_keys TO deedbox_app;
--> statement-breakpoint
-- However a version row goes (its document purged, its contract purged, its org deleted), its blob is
-- filed for removal in the same transaction; the purge job deletes it from the store.
CREATE FUNCTION document_blob_gone() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO blob_deletions (org_id, blob_name) VALUES (OLD.org_id, OLD.blob_name) ON CONFLICT DO NOTHING;
  RETURN OLD;
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_blob_gone AFTER DELETE ON document_versions FOR EACH ROW EXECUTE FUNCTION document_blob_gone();

-- Accent-free English and German stemming for document text. unaccent and btree_gin are trusted
-- extensions (PostgreSQL 13+): the database owner may create them; PGlite loads them in client.ts.
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS btree_gin;
--> statement-breakpoint
-- unaccent runs before the stemmer as a filtering dictionary, so "Verträge" and "Vertrage" both
-- become 'vertrag'; a regconfig constant keeps to_tsvector immutable (unaccent() alone is not).
CREATE TEXT SEARCH CONFIGURATION deedbox_en (COPY = english);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION deedbox_en ALTER MAPPING FOR hword, hword_part, word WITH unaccent, english_stem;
--> statement-breakpoint
CREATE TEXT SEARCH CONFIGURATION deedbox_de (COPY = german);
--> statement-breakpoint
ALTER TEXT SEARCH CONFIGURATION deedbox_de ALTER MAPPING FOR hword, hword_part, word WITH unaccent, german_stem;
--> statement-breakpoint
CREATE TABLE "document_text" (
	"org_id" uuid NOT NULL,
	"version_id" uuid NOT NULL,
	"page" integer NOT NULL,
	"text" "bytea" NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "document_text_org_id_version_id_page_pk" PRIMARY KEY("org_id","version_id","page")
);
--> statement-breakpoint
ALTER TABLE "document_text" ADD CONSTRAINT "document_text_org_id_version_id_document_versions_org_id_id_fk" FOREIGN KEY ("org_id","version_id") REFERENCES "public"."document_versions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_text_search_idx" ON "document_text" USING gin ("org_id","search");
--> statement-breakpoint
ALTER TABLE document_text ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_text FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON document_text USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON document_text TO deedbox_app;

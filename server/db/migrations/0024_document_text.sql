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
	"scope" uuid NOT NULL,
	"text" "bytea" NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "document_text_org_id_version_id_page_pk" PRIMARY KEY("org_id","version_id","page")
);
--> statement-breakpoint
ALTER TABLE "document_text" ADD CONSTRAINT "document_text_org_id_version_id_document_versions_org_id_id_fk" FOREIGN KEY ("org_id","version_id") REFERENCES "public"."document_versions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_text_search_idx" ON "document_text" USING gin ("org_id","scope","search");
--> statement-breakpoint
ALTER TABLE document_text ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE document_text FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON document_text USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON document_text TO deedbox_app;
--> statement-breakpoint
-- A page's scope follows its document: to the contract's new unit when the contract moves, to
-- the contract's unit (or back to the inbox, the org's id) when the document changes contract.
CREATE FUNCTION document_text_contract_unit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE document_text t SET scope = NEW.business_unit_id
  FROM documents d JOIN document_versions v ON v.org_id = d.org_id AND v.document_id = d.id
  WHERE d.org_id = NEW.org_id AND d.contract_id = NEW.id AND t.org_id = v.org_id AND t.version_id = v.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_text_contract_unit AFTER UPDATE OF business_unit_id ON contracts FOR EACH ROW
  WHEN (OLD.business_unit_id IS DISTINCT FROM NEW.business_unit_id) EXECUTE FUNCTION document_text_contract_unit();
--> statement-breakpoint
CREATE FUNCTION document_text_document_place() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE document_text t
  SET scope = coalesce((SELECT c.business_unit_id FROM contracts c WHERE c.org_id = NEW.org_id AND c.id = NEW.contract_id), NEW.org_id)
  FROM document_versions v
  WHERE v.org_id = NEW.org_id AND v.document_id = NEW.id AND t.org_id = v.org_id AND t.version_id = v.id;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER document_text_document_place AFTER UPDATE OF contract_id ON documents FOR EACH ROW
  WHEN (OLD.contract_id IS DISTINCT FROM NEW.contract_id) EXECUTE FUNCTION document_text_document_place();

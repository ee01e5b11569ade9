CREATE TABLE "contract_text" (
	"org_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"part" integer NOT NULL,
	"search" "tsvector" NOT NULL,
	CONSTRAINT "contract_text_org_id_contract_id_part_pk" PRIMARY KEY("org_id","contract_id","part")
);
--> statement-breakpoint
ALTER TABLE "contract_text" ADD CONSTRAINT "contract_text_org_id_contract_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_text_search_idx" ON "contract_text" USING gin ("org_id","search");--> statement-breakpoint
ALTER TABLE contract_text ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE contract_text FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON contract_text USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON contract_text TO deedbox_app;
--> statement-breakpoint
-- Makes a contract's rows anew from the pages of its live documents' current versions, positions
-- stripped (the grid matches words, not phrases). A search document holds at most 1 MB: the pages
-- are merged into parts of at most half that. Refreshes of one contract run one after the other
-- (the contract's row is locked; a row lock, unlike an advisory lock, takes no room in the shared
-- lock table, so one transaction may refresh any number of contracts), and each statement here
-- reads what committed before it, so two documents whose text is stored at the same time both end
-- up in the contract's text.
CREATE FUNCTION refresh_contract_text(p_org uuid, p_contract uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  acc tsvector := ''::tsvector;
  page_words tsvector;
  n integer := 0;
BEGIN
  IF p_contract IS NULL THEN
    RETURN;
  END IF;
  PERFORM 1 FROM contracts WHERE org_id = p_org AND id = p_contract FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN;
  END IF;
  DELETE FROM contract_text WHERE org_id = p_org AND contract_id = p_contract;
  FOR page_words IN
    SELECT strip(t.search)
    FROM documents d
    JOIN document_versions v ON v.org_id = d.org_id AND v.document_id = d.id AND v.number = d.current_version
    JOIN document_text t ON t.org_id = v.org_id AND t.version_id = v.id
    WHERE d.org_id = p_org AND d.contract_id = p_contract AND d.deleted_at IS NULL
    ORDER BY v.id, t.page
  LOOP
    IF pg_column_size(acc) + pg_column_size(page_words) > 524288 THEN
      INSERT INTO contract_text (org_id, contract_id, part, search) VALUES (p_org, p_contract, n, acc);
      n := n + 1;
      acc := page_words;
    ELSE
      acc := acc || page_words;
    END IF;
  END LOOP;
  IF length(acc) > 0 THEN
    INSERT INTO contract_text (org_id, contract_id, part, search) VALUES (p_org, p_contract, n, acc);
  END IF;
END
$$;
--> statement-breakpoint
-- Pages stored or removed: the contracts of their documents (once each, in id order, so two
-- transactions lock the contracts in the same order).
CREATE FUNCTION contract_text_pages_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_contract_text(c.org_id, c.contract_id)
  FROM (
    SELECT DISTINCT d.org_id, d.contract_id
    FROM changed_pages t
    JOIN document_versions v ON v.org_id = t.org_id AND v.id = t.version_id
    JOIN documents d ON d.org_id = v.org_id AND d.id = v.document_id
    WHERE d.contract_id IS NOT NULL
    ORDER BY d.org_id, d.contract_id
  ) c;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contract_text_pages_stored AFTER INSERT ON document_text
  REFERENCING NEW TABLE AS changed_pages FOR EACH STATEMENT EXECUTE FUNCTION contract_text_pages_changed();
--> statement-breakpoint
CREATE TRIGGER contract_text_pages_removed AFTER DELETE ON document_text
  REFERENCING OLD TABLE AS changed_pages FOR EACH STATEMENT EXECUTE FUNCTION contract_text_pages_changed();
--> statement-breakpoint
-- A document deleted, restored, purged, moved to another contract or given a new current version.
CREATE FUNCTION contract_text_document_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM refresh_contract_text(OLD.org_id, OLD.contract_id);
  ELSIF OLD.contract_id IS DISTINCT FROM NEW.contract_id THEN
    PERFORM refresh_contract_text(NEW.org_id, c) FROM unnest(array[OLD.contract_id, NEW.contract_id]) c
      WHERE c IS NOT NULL ORDER BY c;
  ELSE
    PERFORM refresh_contract_text(NEW.org_id, NEW.contract_id);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER contract_text_document_changed AFTER UPDATE OF deleted_at, contract_id, current_version ON documents
  FOR EACH ROW WHEN (OLD.deleted_at IS DISTINCT FROM NEW.deleted_at OR OLD.contract_id IS DISTINCT FROM NEW.contract_id
    OR OLD.current_version IS DISTINCT FROM NEW.current_version)
  EXECUTE FUNCTION contract_text_document_changed();
--> statement-breakpoint
CREATE TRIGGER contract_text_document_purged AFTER DELETE ON documents
  FOR EACH ROW EXECUTE FUNCTION contract_text_document_changed();
--> statement-breakpoint
-- The text already stored, org by org (row-level security lets the migration see one org at a time).
DO $$
DECLARE
  o uuid;
BEGIN
  PERFORM set_config('app.sweep', 'on', true);
  FOR o IN SELECT id FROM orgs ORDER BY id LOOP
    PERFORM set_config('app.org_id', o::text, true);
    PERFORM refresh_contract_text(o, c.contract_id)
    FROM (SELECT DISTINCT contract_id FROM documents WHERE org_id = o AND contract_id IS NOT NULL ORDER BY contract_id) c;
  END LOOP;
  PERFORM set_config('app.org_id', '', true);
  PERFORM set_config('app.sweep', '', true);
END
$$;

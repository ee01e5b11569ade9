DROP INDEX "contracts_search_idx";--> statement-breakpoint
DROP INDEX "partners_search_idx";--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "contracts"."title" || ' ' || coalesce("contracts"."contract_number", '') || ' ' || translate(coalesce("contracts"."contract_number", ''), '-/._', '    ') || ' ' || coalesce("contracts"."description", ''))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "partners" ADD COLUMN "search" "tsvector" GENERATED ALWAYS AS (to_tsvector('simple'::regconfig, "partners"."name")) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "contracts_search_idx" ON "contracts" USING gin ("search");--> statement-breakpoint
CREATE INDEX "partners_search_idx" ON "partners" USING gin ("search");
ALTER TABLE "contracts" ADD COLUMN "annual_cost" numeric(22, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "annual_revenue" numeric(22, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "annual_value" numeric(22, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "total_cost" numeric(22, 2) DEFAULT '0';--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "total_revenue" numeric(22, 2) DEFAULT '0';--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "total_value" numeric(22, 2) DEFAULT '0';--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "billing_valid_until" date;--> statement-breakpoint
CREATE INDEX "contracts_annual_value_idx" ON "contracts" USING btree ("org_id","annual_value","id");--> statement-breakpoint
CREATE INDEX "contracts_total_value_idx" ON "contracts" USING btree ("org_id","total_value","id");--> statement-breakpoint
CREATE INDEX "contracts_total_value_desc_idx" ON "contracts" USING btree ("org_id","total_value" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "contracts_billing_valid_idx" ON "contracts" USING btree ("org_id","billing_valid_until") WHERE "contracts"."billing_valid_until" is not null;--> statement-breakpoint
-- Backfill: contracts with billing lines are marked due, so the next daily refresh computes their values.
UPDATE "contracts" SET "billing_valid_until" = '1970-01-01' WHERE EXISTS (SELECT 1 FROM "billing_lines" b WHERE b."org_id" = "contracts"."org_id" AND b."contract_id" = "contracts"."id");
--> statement-breakpoint
-- As in 0011: under row-level security an index serves the billing-value range filters only when
-- numeric comparison is LEAKPROOF. It raises no value-dependent errors (NaN sorts last). Needs a
-- superuser; without one the filters stay correct, only slower.
DO $$
BEGIN
  ALTER FUNCTION numeric_ge(numeric, numeric) LEAKPROOF;
  ALTER FUNCTION numeric_le(numeric, numeric) LEAKPROOF;
  ALTER FUNCTION numeric_gt(numeric, numeric) LEAKPROOF;
  ALTER FUNCTION numeric_lt(numeric, numeric) LEAKPROOF;
  ALTER FUNCTION numeric_eq(numeric, numeric) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'deedbox: not a superuser, billing-value filters will not use their indexes';
END
$$;

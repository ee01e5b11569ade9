-- Row-level security lets an index serve a condition only when its operator is LEAKPROOF (it
-- cannot reveal the values it sees through errors). These three raise no value-dependent errors,
-- and are what the grid's search (`@@`), custom-field filter (jsonb `@>`) and tag filter (array
-- `@>`) run on. Marking them needs a superuser; without one the migration goes on and those
-- filters stay correct, only slower (see docs/operations.md).
DO $$
BEGIN
  ALTER FUNCTION ts_match_vq(tsvector, tsquery) LEAKPROOF;
  ALTER FUNCTION jsonb_contains(jsonb, jsonb) LEAKPROOF;
  ALTER FUNCTION arraycontains(anyarray, anyarray) LEAKPROOF;
EXCEPTION WHEN insufficient_privilege THEN
  RAISE NOTICE 'deedbox: not a superuser, search and custom-field filters will not use their indexes';
END
$$;
--> statement-breakpoint
-- A business unit, partner, category or org unit belongs to one org: without this the planner
-- multiplies their selectivities and, for a big org, picks a sort over the deadline index.
CREATE STATISTICS contracts_org_dependencies (dependencies)
  ON org_id, business_unit_id, partner_id, category_id, org_unit_id FROM contracts;

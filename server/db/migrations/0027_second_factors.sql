CREATE TABLE "backup_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"code_hash" text NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_factors" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"secret" "bytea",
	"master_version" integer,
	"last_step" bigint,
	"confirmed_at" timestamp with time zone,
	"last_used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "require_second_factor" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "stage" text DEFAULT 'full' NOT NULL;--> statement-breakpoint
ALTER TABLE "sessions" ADD COLUMN "factor_failures" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "backup_codes" ADD CONSTRAINT "backup_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_factors" ADD CONSTRAINT "user_factors_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "backup_codes_user_idx" ON "backup_codes" USING btree ("user_id","code_hash");--> statement-breakpoint
CREATE INDEX "user_factors_user_idx" ON "user_factors" USING btree ("user_id");--> statement-breakpoint
-- A person's second factors and backup codes belong to no org: the person sees their own (app.user_id),
-- a request in an org sees those of its members (an administrator's reset), and master key rotation
-- (app.sweep = 'keys') may read and reseal every sealed secret in user_factors.
ALTER TABLE "user_factors" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "user_factors" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "user_factors"
  USING (user_id = app_user()
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = user_factors.user_id AND m.org_id = app_org())
         OR app_claim('app.sweep') = 'keys')
  WITH CHECK (user_id = app_user()
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = user_factors.user_id AND m.org_id = app_org())
         OR app_claim('app.sweep') = 'keys');
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "user_factors" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "backup_codes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "backup_codes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "backup_codes"
  USING (user_id = app_user()
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = backup_codes.user_id AND m.org_id = app_org()))
  WITH CHECK (user_id = app_user()
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = backup_codes.user_id AND m.org_id = app_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "backup_codes" TO deedbox_app;

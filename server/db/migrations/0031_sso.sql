CREATE TABLE "sso_connections" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"protocol" text NOT NULL,
	"enabled" boolean DEFAULT true NOT NULL,
	"issuer" text,
	"client_id" text,
	"client_secret" "bytea",
	"data_key" "bytea" NOT NULL,
	"org_key_version" integer NOT NULL,
	"jit_role" text,
	"jit_business_unit_id" uuid,
	"enforced" boolean DEFAULT false NOT NULL,
	"break_glass_user_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_connections_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sso_domains" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"domain" text NOT NULL,
	"token" text NOT NULL,
	"verified_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_domains_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "sso_identities" (
	"org_id" uuid NOT NULL,
	"connection_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"user_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_sign_in_at" timestamp with time zone,
	CONSTRAINT "sso_identities_org_id_connection_id_subject_pk" PRIMARY KEY("org_id","connection_id","subject")
);
--> statement-breakpoint
CREATE TABLE "sso_sign_ins" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"token_hash" text NOT NULL,
	"connection_id" uuid NOT NULL,
	"state" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sso_sign_ins_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "sso_connections" ADD CONSTRAINT "sso_connections_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_domains" ADD CONSTRAINT "sso_domains_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_identities" ADD CONSTRAINT "sso_identities_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_identities" ADD CONSTRAINT "sso_identities_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sso_sign_ins" ADD CONSTRAINT "sso_sign_ins_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_connections_org_key" ON "sso_connections" USING btree ("org_id");--> statement-breakpoint
CREATE INDEX "sso_connections_org_key_idx" ON "sso_connections" USING btree ("org_id","org_key_version");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_domains_org_domain_key" ON "sso_domains" USING btree ("org_id","domain");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_domains_verified_key" ON "sso_domains" USING btree ("domain") WHERE "sso_domains"."verified_at" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_identities_user_key" ON "sso_identities" USING btree ("org_id","connection_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sso_sign_ins_token_key" ON "sso_sign_ins" USING btree ("token_hash");--> statement-breakpoint
-- Single sign-on. Connections and identities are the org's alone. A verified domain is also seen by an
-- anonymous sign-in that names an address at it (app.email): which account's identity provider a
-- domain uses is public by design. A pending sign-in is found by its cookie's hash (app.token_hash).
ALTER TABLE "sso_connections" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sso_connections" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "sso_connections" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sso_connections" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "sso_domains" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sso_domains" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "sso_domains"
  USING (org_id = app_org()
         OR (verified_at IS NOT NULL AND domain = split_part(app_claim('app.email'), '@', 2)))
  WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sso_domains" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "sso_identities" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sso_identities" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "sso_identities" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sso_identities" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "sso_sign_ins" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sso_sign_ins" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
-- The hourly sweep (app.sweep = 'expired') deletes pending sign-ins that are spent or have run out.
CREATE POLICY tenant ON "sso_sign_ins"
  USING (org_id = app_org() OR token_hash = app_claim('app.token_hash')
         OR (app_claim('app.sweep') = 'expired' AND (used_at IS NOT NULL OR expires_at < now())))
  WITH CHECK (org_id = app_org() OR token_hash = app_claim('app.token_hash'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sso_sign_ins" TO deedbox_app;

CREATE TABLE "webauthn_challenges" (
	"id" uuid PRIMARY KEY NOT NULL,
	"purpose" text NOT NULL,
	"challenge" text NOT NULL,
	"user_id" uuid,
	"org_id" uuid,
	"session_id" uuid,
	"token_hash" text,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_factors" ADD COLUMN "credential_id" text;--> statement-breakpoint
ALTER TABLE "user_factors" ADD COLUMN "public_key" "bytea";--> statement-breakpoint
ALTER TABLE "user_factors" ADD COLUMN "sign_count" bigint;--> statement-breakpoint
ALTER TABLE "user_factors" ADD COLUMN "transports" text[];--> statement-breakpoint
ALTER TABLE "user_factors" ADD COLUMN "backed_up" boolean;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "webauthn_challenges" ADD CONSTRAINT "webauthn_challenges_org_id_session_id_sessions_org_id_id_fk" FOREIGN KEY ("org_id","session_id") REFERENCES "public"."sessions"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "webauthn_challenges_session_idx" ON "webauthn_challenges" USING btree ("session_id");--> statement-breakpoint
CREATE INDEX "webauthn_challenges_token_idx" ON "webauthn_challenges" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "user_factors_credential_idx" ON "user_factors" USING btree ("credential_id");--> statement-breakpoint
-- A WebAuthn challenge is seen by the person it was made for (registration, the second step of a
-- sign-in: app.user_id), by the browser that asked for a passwordless sign-in (the hash of its cookie,
-- app.token_hash, on rows of nobody yet), and by the hourly sweep once it has run out.
ALTER TABLE "webauthn_challenges" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "webauthn_challenges" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "webauthn_challenges"
  USING (user_id = app_user()
         OR (user_id IS NULL AND token_hash = app_claim('app.token_hash'))
         OR (app_claim('app.sweep') = 'expired' AND expires_at < now()))
  WITH CHECK (user_id = app_user()
         OR (user_id IS NULL AND token_hash = app_claim('app.token_hash')));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "webauthn_challenges" TO deedbox_app;

CREATE TABLE "sms_codes" (
	"id" uuid PRIMARY KEY NOT NULL,
	"user_id" uuid NOT NULL,
	"factor_id" uuid,
	"purpose" text NOT NULL,
	"code_hash" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_factors" ADD COLUMN "phone_hint" text;--> statement-breakpoint
ALTER TABLE "sms_codes" ADD CONSTRAINT "sms_codes_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sms_codes" ADD CONSTRAINT "sms_codes_factor_id_user_factors_id_fk" FOREIGN KEY ("factor_id") REFERENCES "public"."user_factors"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sms_codes_user_idx" ON "sms_codes" USING btree ("user_id","created_at");--> statement-breakpoint
-- An SMS code is seen by its person (enrolment, the second step of a sign-in: app.user_id) and,
-- like their factors, by a request in an org they belong to (an administrator's reset).
ALTER TABLE "sms_codes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sms_codes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "sms_codes"
  USING (user_id = app_user()
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = sms_codes.user_id AND m.org_id = app_org()))
  WITH CHECK (user_id = app_user()
         OR EXISTS (SELECT 1 FROM memberships m WHERE m.user_id = sms_codes.user_id AND m.org_id = app_org()));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sms_codes" TO deedbox_app;

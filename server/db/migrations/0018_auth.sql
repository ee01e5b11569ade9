CREATE TABLE "pending_sign_ups" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"password_hash" text NOT NULL,
	"company_name" text NOT NULL,
	"locale" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "pending_sign_ups_email_idx" ON "pending_sign_ups" USING btree (lower("email"));--> statement-breakpoint
CREATE TABLE "sign_in_throttles" (
	"ip" text NOT NULL,
	"account_key" text NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"last_failed_at" timestamp with time zone NOT NULL,
	"blocked_until" timestamp with time zone,
	CONSTRAINT "sign_in_throttles_ip_account_key_pk" PRIMARY KEY("ip","account_key")
);
--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "failed_sign_ins";--> statement-breakpoint
ALTER TABLE "users" DROP COLUMN "locked_until";--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "sign_in_alert_at" timestamp with time zone;
--> statement-breakpoint
-- Sign-in throttling replaces the per-account lockout. A caller sees and counts only the rows of its own address.
ALTER TABLE "sign_in_throttles" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "sign_in_throttles" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "sign_in_throttles"
  USING (ip = app_claim('app.ip'))
  WITH CHECK (ip = app_claim('app.ip'));
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "sign_in_throttles" TO deedbox_app;
--> statement-breakpoint
-- A pending sign-up is found by the hash of its mailed token, or by its exact address to clear stale ones.
ALTER TABLE "pending_sign_ups" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "pending_sign_ups" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "pending_sign_ups"
  USING (token_hash = app_claim('app.token_hash') OR lower(email) = app_claim('app.email'))
  WITH CHECK (lower(email) = app_claim('app.email'));
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "pending_sign_ups" TO deedbox_app;

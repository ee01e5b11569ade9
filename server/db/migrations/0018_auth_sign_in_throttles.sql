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

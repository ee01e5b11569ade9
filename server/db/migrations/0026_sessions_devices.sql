CREATE TABLE "known_devices" (
	"user_id" uuid NOT NULL,
	"device_key" text NOT NULL,
	"first_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "known_devices_user_id_device_key_pk" PRIMARY KEY("user_id","device_key")
);
--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "org_id" uuid;--> statement-breakpoint
ALTER TABLE "user_tokens" ADD COLUMN "session_id" uuid;--> statement-breakpoint
ALTER TABLE "known_devices" ADD CONSTRAINT "known_devices_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Known devices belong to a person, not an org: a caller sees and writes only their own rows.
ALTER TABLE "known_devices" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "known_devices" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "known_devices"
  USING (user_id = app_user())
  WITH CHECK (user_id = app_user());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "known_devices" TO deedbox_app;

CREATE TABLE "calendar_feeds" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "calendar_feeds_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"occurrence_id" uuid,
	"reminder_id" uuid,
	"contract_id" uuid,
	"recipient_user_id" uuid,
	"recipient_email" text NOT NULL,
	"info_only" boolean DEFAULT false NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"level" smallint DEFAULT 0 NOT NULL,
	"digest_id" uuid,
	"status" text NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"first_attempt_at" timestamp with time zone,
	"message_id" text,
	"last_error" text,
	"sent_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "deliveries_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"type" text NOT NULL,
	"date" date,
	"title" text,
	"description" text,
	"category_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "mail_templates" (
	"org_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"locale" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "mail_templates_org_id_kind_locale_pk" PRIMARY KEY("org_id","kind","locale")
);
--> statement-breakpoint
CREATE TABLE "reminder_occurrences" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"reminder_id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"event_date" date NOT NULL,
	"due_on" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminder_occurrences_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "reminders" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"event_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"kind" text DEFAULT 'custom' NOT NULL,
	"lead_times" integer[] NOT NULL,
	"repeat" text NOT NULL,
	"recipients" jsonb NOT NULL,
	"created_on" date NOT NULL,
	"next_due_on" date,
	"acknowledged_for" date,
	"acknowledged_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"dismissed_for" date,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone,
	"escalation_level" smallint DEFAULT 0 NOT NULL,
	"escalated_for" date,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reminders_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "memberships" ADD COLUMN "reminder_digest" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "reminder_send_hour" smallint DEFAULT 8 NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "reminder_default_repeat" text DEFAULT 'once' NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "reminder_defaults" jsonb DEFAULT '[{"eventType":"notice_deadline","leadTimes":[90,30],"recipients":{"userIds":[],"emails":[],"owner":true,"backupOwner":false,"unitEditors":false}}]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "expiry_end_days" integer[] DEFAULT '{90,30}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "expiry_notice_days" integer[] DEFAULT '{90,30,7}'::integer[] NOT NULL;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "escalation_days" smallint DEFAULT 7;--> statement-breakpoint
ALTER TABLE "orgs" ADD COLUMN "weekly_summary" boolean DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_feeds" ADD CONSTRAINT "calendar_feeds_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_contract_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "events" ADD CONSTRAINT "events_org_id_category_id_categories_org_id_id_fk" FOREIGN KEY ("org_id","category_id") REFERENCES "public"."categories"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "mail_templates" ADD CONSTRAINT "mail_templates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_occurrences" ADD CONSTRAINT "reminder_occurrences_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminder_occurrences" ADD CONSTRAINT "reminder_occurrences_org_id_reminder_id_reminders_org_id_id_fk" FOREIGN KEY ("org_id","reminder_id") REFERENCES "public"."reminders"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_org_id_event_id_events_org_id_id_fk" FOREIGN KEY ("org_id","event_id") REFERENCES "public"."events"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "calendar_feeds_token_key" ON "calendar_feeds" USING btree ("token_hash");--> statement-breakpoint
CREATE INDEX "calendar_feeds_user_idx" ON "calendar_feeds" USING btree ("org_id","user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_id_key" ON "deliveries" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_dedupe_key" ON "deliveries" USING btree ("org_id","dedupe_key");--> statement-breakpoint
CREATE INDEX "deliveries_pending_idx" ON "deliveries" USING btree ("org_id","next_attempt_at") WHERE "deliveries"."status" in ('queued', 'retrying', 'sending');--> statement-breakpoint
CREATE INDEX "deliveries_reminder_idx" ON "deliveries" USING btree ("org_id","reminder_id");--> statement-breakpoint
CREATE INDEX "deliveries_digest_idx" ON "deliveries" USING btree ("org_id","digest_id") WHERE "deliveries"."digest_id" is not null;--> statement-breakpoint
CREATE INDEX "deliveries_problem_idx" ON "deliveries" USING btree ("org_id","updated_at") WHERE "deliveries"."status" in ('failed', 'bounced');--> statement-breakpoint
CREATE UNIQUE INDEX "events_id_key" ON "events" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "events_system_key" ON "events" USING btree ("org_id","contract_id","type") WHERE "events"."type" <> 'custom';--> statement-breakpoint
CREATE INDEX "events_date_idx" ON "events" USING btree ("org_id","date");--> statement-breakpoint
CREATE INDEX "events_contract_idx" ON "events" USING btree ("org_id","contract_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminder_occurrences_key" ON "reminder_occurrences" USING btree ("org_id","reminder_id","event_date","due_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_id_key" ON "reminders" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "reminders_expiry_key" ON "reminders" USING btree ("org_id","event_id") WHERE "reminders"."kind" = 'expiry';--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("org_id","next_due_on") WHERE "reminders"."next_due_on" is not null;--> statement-breakpoint
CREATE INDEX "reminders_event_idx" ON "reminders" USING btree ("org_id","event_id");--> statement-breakpoint
CREATE INDEX "reminders_contract_idx" ON "reminders" USING btree ("org_id","contract_id");
CREATE TABLE "stripe_events" (
	"id" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "subscriptions" (
	"org_id" uuid PRIMARY KEY NOT NULL,
	"plan" text NOT NULL,
	"status" text NOT NULL,
	"trial_ends_at" timestamp with time zone,
	"current_period_end" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"access_until" timestamp with time zone,
	"read_only_notice_at" timestamp with time zone,
	"stripe_customer_id" text,
	"stripe_subscription_id" text,
	"stripe_event_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "subscriptions" ADD CONSTRAINT "subscriptions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Organizations that exist already start a 30-day trial now, without a seat limit: none of them is
-- over a limit it never had. New organizations get the configured trial (TRIAL_DAYS, TRIAL_PLAN).
INSERT INTO "subscriptions" ("org_id", "plan", "status", "trial_ends_at")
  SELECT "id", 'enterprise', 'trialing', now() + interval '30 days' FROM "orgs";
--> statement-breakpoint
-- The org's own row; the Stripe webhook (claim app.billing = 'stripe') finds the org an event names by
-- its Stripe ids before it claims that org. Deleting an org removes its row (cascade).
ALTER TABLE "subscriptions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "subscriptions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "subscriptions"
  USING (org_id = app_org() OR app_claim('app.billing') = 'stripe')
  WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "subscriptions" TO deedbox_app;
--> statement-breakpoint
-- Processed Stripe event ids: only the webhook sees them.
ALTER TABLE "stripe_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "stripe_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY webhook ON "stripe_events"
  USING (app_claim('app.billing') = 'stripe')
  WITH CHECK (app_claim('app.billing') = 'stripe');
--> statement-breakpoint
GRANT SELECT, INSERT ON "stripe_events" TO deedbox_app;

ALTER TABLE "reminders" ADD COLUMN "open_since" date;--> statement-breakpoint
CREATE INDEX "deliveries_held_idx" ON "deliveries" USING btree ("org_id","recipient_user_id") WHERE "deliveries"."status" = 'held' and "deliveries"."digest_id" is null;--> statement-breakpoint
CREATE INDEX "reminders_open_idx" ON "reminders" USING btree ("org_id","open_since") WHERE "reminders"."open_since" is not null;
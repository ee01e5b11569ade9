ALTER TABLE "subscriptions" ADD COLUMN "deletion_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "deletion_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "subscriptions" ADD COLUMN "deletion_due_at" timestamp with time zone;
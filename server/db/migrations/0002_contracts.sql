CREATE TABLE "contracts" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"title" text NOT NULL,
	"status" text NOT NULL,
	"contract_number" text,
	"business_unit_id" uuid NOT NULL,
	"owner_id" uuid,
	"backup_owner_id" uuid,
	"master_id" uuid,
	"description" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"lifecycle" jsonb NOT NULL,
	"notice_deadline" date,
	"earliest_end_date" date,
	"ends_on" date,
	"current_term_end" date,
	"renewal_count" integer,
	"phase" text NOT NULL,
	"computed_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "contracts_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_business_unit_id_business_units_org_id_id_fk" FOREIGN KEY ("org_id","business_unit_id") REFERENCES "public"."business_units"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_master_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","master_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_id_key" ON "contracts" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "contracts_number_key" ON "contracts" USING btree ("org_id",lower("contract_number")) WHERE "contracts"."contract_number" is not null and "contracts"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "contracts_notice_deadline_idx" ON "contracts" USING btree ("org_id","notice_deadline","id");--> statement-breakpoint
CREATE INDEX "contracts_ends_on_idx" ON "contracts" USING btree ("org_id","ends_on","id");--> statement-breakpoint
CREATE INDEX "contracts_updated_idx" ON "contracts" USING btree ("org_id","updated_at","id");--> statement-breakpoint
CREATE INDEX "contracts_unit_idx" ON "contracts" USING btree ("org_id","business_unit_id");--> statement-breakpoint
CREATE INDEX "contracts_master_idx" ON "contracts" USING btree ("org_id","master_id");
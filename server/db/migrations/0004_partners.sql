CREATE TABLE "partners" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"registration_number" text,
	"vat_id" text,
	"address" jsonb,
	"contacts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "partners_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "contracts" ADD COLUMN "partner_id" uuid;--> statement-breakpoint
ALTER TABLE "partners" ADD CONSTRAINT "partners_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "partners_id_key" ON "partners" USING btree ("id");--> statement-breakpoint
CREATE INDEX "partners_name_idx" ON "partners" USING btree ("org_id",lower("name"),"id");--> statement-breakpoint
ALTER TABLE "contracts" ADD CONSTRAINT "contracts_org_id_partner_id_partners_org_id_id_fk" FOREIGN KEY ("org_id","partner_id") REFERENCES "public"."partners"("org_id","id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contracts_partner_idx" ON "contracts" USING btree ("org_id","partner_id");
CREATE TABLE "erased_members" (
	"org_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"pseudonym" text NOT NULL,
	"erased_by" uuid,
	"erased_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "erased_members_org_id_user_id_pk" PRIMARY KEY("org_id","user_id")
);
--> statement-breakpoint
ALTER TABLE "erased_members" ADD CONSTRAINT "erased_members_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- Who was erased, and the pseudonym the org shows instead: only the org's own requests see it.
ALTER TABLE "erased_members" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "erased_members" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "erased_members" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON "erased_members" TO deedbox_app;

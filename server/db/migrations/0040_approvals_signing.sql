CREATE TABLE "approval_comments" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"author_id" uuid,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_comments_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "approval_decisions" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"slot_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"decided_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "approval_decisions_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "approval_slots" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"business_unit_id" uuid,
	"status" text NOT NULL,
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	CONSTRAINT "approval_slots_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "approval_steps" (
	"org_id" uuid NOT NULL,
	"workflow_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"rule" text NOT NULL,
	"due_days" smallint,
	"due_on" date,
	"status" text NOT NULL,
	"activated_at" timestamp with time zone,
	"finished_at" timestamp with time zone,
	"overdue_mailed_on" date,
	CONSTRAINT "approval_steps_org_id_workflow_id_position_pk" PRIMARY KEY("org_id","workflow_id","position")
);
--> statement-breakpoint
CREATE TABLE "approval_template_approvers" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"kind" text NOT NULL,
	"user_id" uuid,
	"business_unit_id" uuid,
	CONSTRAINT "approval_template_approvers_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "approval_template_approvers_kind_check" CHECK (("approval_template_approvers"."kind" = 'user' and "approval_template_approvers"."user_id" is not null and "approval_template_approvers"."business_unit_id" is null) or ("approval_template_approvers"."kind" = 'unit_editors' and "approval_template_approvers"."business_unit_id" is not null and "approval_template_approvers"."user_id" is null))
);
--> statement-breakpoint
CREATE TABLE "approval_template_steps" (
	"org_id" uuid NOT NULL,
	"template_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"rule" text NOT NULL,
	"due_days" smallint,
	CONSTRAINT "approval_template_steps_org_id_template_id_position_pk" PRIMARY KEY("org_id","template_id","position")
);
--> statement-breakpoint
CREATE TABLE "approval_templates" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"default_category_id" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"archived_at" timestamp with time zone,
	CONSTRAINT "approval_templates_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "approval_workflows" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid NOT NULL,
	"template_id" uuid,
	"round" integer DEFAULT 1 NOT NULL,
	"status" text NOT NULL,
	"is_current" boolean DEFAULT true NOT NULL,
	"requested_by" uuid,
	"requested_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	"ended_reason" text,
	"key_hash" text NOT NULL,
	CONSTRAINT "approval_workflows_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "signing_envelopes" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"contract_id" uuid,
	"document_id" uuid NOT NULL,
	"source_version_id" uuid NOT NULL,
	"source_sha256" text NOT NULL,
	"page_count" integer NOT NULL,
	"pages" jsonb NOT NULL,
	"title" text NOT NULL,
	"message" "bytea",
	"locale" text DEFAULT 'en' NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"signing_order" boolean DEFAULT false NOT NULL,
	"expires_in_days" smallint NOT NULL,
	"expires_at" timestamp with time zone,
	"reminder_every_days" smallint,
	"sender_id" uuid,
	"sent_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"cancelled_by" uuid,
	"cancel_reason" "bytea",
	"declined_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"sealed_version_id" uuid,
	"seal_state" text,
	"seal_attempts" integer DEFAULT 0 NOT NULL,
	"seal_after" timestamp with time zone,
	"seal_lease_until" timestamp with time zone,
	"seal_error" text,
	"data_key" "bytea" NOT NULL,
	"org_key_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "signing_envelopes_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "signing_events" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"envelope_id" uuid NOT NULL,
	"recipient_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"ip" text,
	"user_agent" text,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	CONSTRAINT "signing_events_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
CREATE TABLE "signing_fields" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"envelope_id" uuid NOT NULL,
	"recipient_id" uuid NOT NULL,
	"type" text NOT NULL,
	"page" integer NOT NULL,
	"x" real NOT NULL,
	"y" real NOT NULL,
	"w" real NOT NULL,
	"h" real NOT NULL,
	"required" boolean DEFAULT true NOT NULL,
	"label" text,
	"value" "bytea",
	"filled_at" timestamp with time zone,
	CONSTRAINT "signing_fields_org_id_id_pk" PRIMARY KEY("org_id","id"),
	CONSTRAINT "signing_fields_on_page" CHECK ("signing_fields"."page" >= 1 and "signing_fields"."x" >= 0 and "signing_fields"."y" >= 0 and "signing_fields"."w" >= 0.005 and "signing_fields"."h" >= 0.005 and "signing_fields"."x" + "signing_fields"."w" <= 1.0001 and "signing_fields"."y" + "signing_fields"."h" <= 1.0001)
);
--> statement-breakpoint
CREATE TABLE "signing_recipients" (
	"org_id" uuid NOT NULL,
	"id" uuid NOT NULL,
	"envelope_id" uuid NOT NULL,
	"role" text NOT NULL,
	"position" smallint DEFAULT 1 NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"locale" text DEFAULT 'en' NOT NULL,
	"require_code" boolean DEFAULT false NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"link_generation" smallint DEFAULT 1 NOT NULL,
	"sent_at" timestamp with time zone,
	"viewed_at" timestamp with time zone,
	"view_ip" text,
	"view_user_agent" text,
	"signed_at" timestamp with time zone,
	"sign_ip" text,
	"sign_user_agent" text,
	"verification" text,
	"declined_at" timestamp with time zone,
	"decline_reason" "bytea",
	"signature_kind" text,
	"signature" "bytea",
	"code_serial" integer DEFAULT 0 NOT NULL,
	"code_expires_at" timestamp with time zone,
	"code_attempts" integer DEFAULT 0 NOT NULL,
	"code_sends" integer DEFAULT 0 NOT NULL,
	"code_locked_until" timestamp with time zone,
	"session_hash" text,
	"session_expires_at" timestamp with time zone,
	"reminders_sent" integer DEFAULT 0 NOT NULL,
	"next_reminder_at" timestamp with time zone,
	CONSTRAINT "signing_recipients_org_id_id_pk" PRIMARY KEY("org_id","id")
);
--> statement-breakpoint
ALTER TABLE "deliveries" ADD COLUMN "subject_id" uuid;--> statement-breakpoint
ALTER TABLE "approval_comments" ADD CONSTRAINT "approval_comments_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_comments" ADD CONSTRAINT "approval_comments_org_id_workflow_id_approval_workflows_org_id_id_fk" FOREIGN KEY ("org_id","workflow_id") REFERENCES "public"."approval_workflows"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_decisions" ADD CONSTRAINT "approval_decisions_org_id_workflow_id_approval_workflows_org_id_id_fk" FOREIGN KEY ("org_id","workflow_id") REFERENCES "public"."approval_workflows"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_slots" ADD CONSTRAINT "approval_slots_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_slots" ADD CONSTRAINT "approval_slots_org_id_workflow_id_position_approval_steps_org_id_workflow_id_position_fk" FOREIGN KEY ("org_id","workflow_id","position") REFERENCES "public"."approval_steps"("org_id","workflow_id","position") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_steps" ADD CONSTRAINT "approval_steps_org_id_workflow_id_approval_workflows_org_id_id_fk" FOREIGN KEY ("org_id","workflow_id") REFERENCES "public"."approval_workflows"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_template_approvers" ADD CONSTRAINT "approval_template_approvers_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_template_approvers" ADD CONSTRAINT "approval_template_approvers_org_id_template_id_position_approval_template_steps_org_id_template_id_position_fk" FOREIGN KEY ("org_id","template_id","position") REFERENCES "public"."approval_template_steps"("org_id","template_id","position") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_template_approvers" ADD CONSTRAINT "approval_template_approvers_org_id_business_unit_id_business_units_org_id_id_fk" FOREIGN KEY ("org_id","business_unit_id") REFERENCES "public"."business_units"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_template_steps" ADD CONSTRAINT "approval_template_steps_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_template_steps" ADD CONSTRAINT "approval_template_steps_org_id_template_id_approval_templates_org_id_id_fk" FOREIGN KEY ("org_id","template_id") REFERENCES "public"."approval_templates"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_templates" ADD CONSTRAINT "approval_templates_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_workflows" ADD CONSTRAINT "approval_workflows_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "approval_workflows" ADD CONSTRAINT "approval_workflows_org_id_contract_id_contracts_org_id_id_fk" FOREIGN KEY ("org_id","contract_id") REFERENCES "public"."contracts"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_envelopes" ADD CONSTRAINT "signing_envelopes_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_envelopes" ADD CONSTRAINT "signing_envelopes_org_id_document_id_documents_org_id_id_fk" FOREIGN KEY ("org_id","document_id") REFERENCES "public"."documents"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_events" ADD CONSTRAINT "signing_events_org_id_envelope_id_signing_envelopes_org_id_id_fk" FOREIGN KEY ("org_id","envelope_id") REFERENCES "public"."signing_envelopes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_fields" ADD CONSTRAINT "signing_fields_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_fields" ADD CONSTRAINT "signing_fields_org_id_recipient_id_signing_recipients_org_id_id_fk" FOREIGN KEY ("org_id","recipient_id") REFERENCES "public"."signing_recipients"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_recipients" ADD CONSTRAINT "signing_recipients_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_recipients" ADD CONSTRAINT "signing_recipients_org_id_envelope_id_signing_envelopes_org_id_id_fk" FOREIGN KEY ("org_id","envelope_id") REFERENCES "public"."signing_envelopes"("org_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "approval_comments_workflow_idx" ON "approval_comments" USING btree ("org_id","workflow_id","created_at");--> statement-breakpoint
CREATE INDEX "approval_decisions_workflow_idx" ON "approval_decisions" USING btree ("org_id","workflow_id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_slots_id_key" ON "approval_slots" USING btree ("id");--> statement-breakpoint
CREATE INDEX "approval_slots_user_idx" ON "approval_slots" USING btree ("org_id","user_id") WHERE "approval_slots"."status" = 'open';--> statement-breakpoint
CREATE INDEX "approval_slots_unit_idx" ON "approval_slots" USING btree ("org_id","business_unit_id") WHERE "approval_slots"."status" = 'open';--> statement-breakpoint
CREATE INDEX "approval_steps_due_idx" ON "approval_steps" USING btree ("org_id","due_on") WHERE "approval_steps"."status" = 'active';--> statement-breakpoint
CREATE INDEX "approval_template_approvers_step_idx" ON "approval_template_approvers" USING btree ("org_id","template_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_templates_id_key" ON "approval_templates" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_templates_default_key" ON "approval_templates" USING btree ("org_id","default_category_id") WHERE "approval_templates"."default_category_id" is not null and "approval_templates"."archived_at" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "approval_workflows_id_key" ON "approval_workflows" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "approval_workflows_current_key" ON "approval_workflows" USING btree ("org_id","contract_id") WHERE "approval_workflows"."is_current";--> statement-breakpoint
CREATE INDEX "approval_workflows_contract_idx" ON "approval_workflows" USING btree ("org_id","contract_id","requested_at");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_envelopes_id_key" ON "signing_envelopes" USING btree ("id");--> statement-breakpoint
CREATE INDEX "signing_envelopes_contract_idx" ON "signing_envelopes" USING btree ("org_id","contract_id");--> statement-breakpoint
CREATE INDEX "signing_envelopes_open_idx" ON "signing_envelopes" USING btree ("org_id","document_id") WHERE "signing_envelopes"."status" in ('draft', 'in_progress');--> statement-breakpoint
CREATE INDEX "signing_envelopes_expiry_idx" ON "signing_envelopes" USING btree ("org_id","expires_at") WHERE "signing_envelopes"."status" = 'in_progress';--> statement-breakpoint
CREATE INDEX "signing_envelopes_seal_idx" ON "signing_envelopes" USING btree ("org_id","seal_after") WHERE "signing_envelopes"."seal_state" in ('pending', 'running');--> statement-breakpoint
CREATE INDEX "signing_envelopes_org_key_idx" ON "signing_envelopes" USING btree ("org_id","org_key_version");--> statement-breakpoint
CREATE INDEX "signing_events_envelope_idx" ON "signing_events" USING btree ("org_id","envelope_id","at");--> statement-breakpoint
CREATE INDEX "signing_fields_envelope_idx" ON "signing_fields" USING btree ("org_id","envelope_id");--> statement-breakpoint
CREATE UNIQUE INDEX "signing_recipients_email_key" ON "signing_recipients" USING btree ("org_id","envelope_id",lower("email"));--> statement-breakpoint
CREATE INDEX "signing_recipients_envelope_idx" ON "signing_recipients" USING btree ("org_id","envelope_id","position");--> statement-breakpoint
CREATE INDEX "signing_recipients_reminder_idx" ON "signing_recipients" USING btree ("org_id","next_reminder_at") WHERE "signing_recipients"."status" in ('sent', 'viewed');--> statement-breakpoint
CREATE INDEX "deliveries_subject_idx" ON "deliveries" USING btree ("org_id","subject_id") WHERE "deliveries"."subject_id" is not null;
--> statement-breakpoint
-- Approvals and signing are an org's own: every table answers only the org's requests. Decisions and signing
-- events are evidence, so the app may add them but never change or delete them.
ALTER TABLE "approval_templates" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_templates" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_templates" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "approval_templates" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_template_steps" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_template_steps" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_template_steps" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "approval_template_steps" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_template_approvers" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_template_approvers" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_template_approvers" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, DELETE ON "approval_template_approvers" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_workflows" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_workflows" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_workflows" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "approval_workflows" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_steps" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_steps" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_steps" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "approval_steps" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_slots" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_slots" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_slots" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE ON "approval_slots" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_decisions" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_decisions" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_decisions" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON "approval_decisions" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "approval_comments" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "approval_comments" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "approval_comments" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON "approval_comments" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "signing_envelopes" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "signing_envelopes" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "signing_envelopes" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "signing_envelopes" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "signing_recipients" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "signing_recipients" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "signing_recipients" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "signing_recipients" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "signing_fields" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "signing_fields" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "signing_fields" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON "signing_fields" TO deedbox_app;
--> statement-breakpoint
ALTER TABLE "signing_events" ENABLE ROW LEVEL SECURITY;
--> statement-breakpoint
ALTER TABLE "signing_events" FORCE ROW LEVEL SECURITY;
--> statement-breakpoint
CREATE POLICY tenant ON "signing_events" USING (org_id = app_org()) WITH CHECK (org_id = app_org());
--> statement-breakpoint
GRANT SELECT, INSERT ON "signing_events" TO deedbox_app;

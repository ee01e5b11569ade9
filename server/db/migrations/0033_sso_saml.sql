ALTER TABLE "sso_connections" ADD COLUMN "saml_entity_id" text;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "saml_sso_url" text;--> statement-breakpoint
ALTER TABLE "sso_connections" ADD COLUMN "saml_certificates" text[];--> statement-breakpoint
ALTER TABLE "sso_sign_ins" ADD COLUMN "relay_hash" text;--> statement-breakpoint
ALTER TABLE "sso_sign_ins" ADD COLUMN "saml_response" text;--> statement-breakpoint
CREATE UNIQUE INDEX "sso_sign_ins_relay_key" ON "sso_sign_ins" USING btree ("relay_hash");--> statement-breakpoint
-- The SAML ACS finds a pending sign-in by the hash of the RelayState the IdP posts back (app.token_hash),
-- as the finish step and the OIDC callback find it by the hash of the browser's cookie.
DROP POLICY tenant ON "sso_sign_ins";
--> statement-breakpoint
CREATE POLICY tenant ON "sso_sign_ins"
  USING (org_id = app_org() OR token_hash = app_claim('app.token_hash') OR relay_hash = app_claim('app.token_hash')
         OR (app_claim('app.sweep') = 'expired' AND (used_at IS NOT NULL OR expires_at < now())))
  WITH CHECK (org_id = app_org() OR token_hash = app_claim('app.token_hash') OR relay_hash = app_claim('app.token_hash'));

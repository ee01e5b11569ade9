-- The hourly sweep (claim app.sweep = 'expired') may see and delete only what has run out: pending
-- sign-ups past their link's expiry (they hold an address and a password hash) and throttle counters
-- forgotten for an hour and no longer blocking. Nothing else changes for any other caller.
DROP POLICY tenant ON "pending_sign_ups";
--> statement-breakpoint
CREATE POLICY tenant ON "pending_sign_ups"
  USING (token_hash = app_claim('app.token_hash') OR lower(email) = app_claim('app.email')
         OR (app_claim('app.sweep') = 'expired' AND expires_at < now()))
  WITH CHECK (lower(email) = app_claim('app.email'));
--> statement-breakpoint
DROP POLICY tenant ON "sign_in_throttles";
--> statement-breakpoint
CREATE POLICY tenant ON "sign_in_throttles"
  USING (ip = app_claim('app.ip')
         OR (app_claim('app.sweep') = 'expired' AND last_failed_at < now() - interval '1 hour'
             AND (blocked_until IS NULL OR blocked_until < now())))
  WITH CHECK (ip = app_claim('app.ip'));

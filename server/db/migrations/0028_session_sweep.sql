-- The hourly sweep (claim app.sweep = 'expired') may also see and delete sessions that have run out,
-- in every org: pending second-factor sign-ins after ten minutes, sessions after their idle timeout.
-- A second permissive policy: with the claim it adds only expired rows; it never lets anyone write.
CREATE POLICY sweep_expired ON sessions
  USING (app_claim('app.sweep') = 'expired' AND expires_at < now())
  WITH CHECK (false);

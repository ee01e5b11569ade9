-- Daily jobs (refresh stored dates, purge the recycle bin) must find every org before working
-- inside each one. A transaction that claims app.sweep may read org rows, nothing else;
-- each org's own work then runs with app.org_id as usual.
CREATE POLICY sweep ON orgs FOR SELECT USING (app_claim('app.sweep') = 'on');

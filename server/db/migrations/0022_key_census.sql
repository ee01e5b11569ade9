-- The key store's census (`deedbox keys status`, the startup check of MASTER_KEYS, master key rotation)
-- counts org keys per master key version across all orgs. A transaction that claims app.sweep = 'keys'
-- may read the key store, never change it; every other caller still sees only its own org's keys.
CREATE POLICY census ON keystore.org_keys FOR SELECT USING (app_claim('app.sweep') = 'keys');

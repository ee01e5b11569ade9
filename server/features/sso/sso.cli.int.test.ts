import { describe, expect, it } from 'vitest';
import { call, callerFrom, PASSWORD, signInAt, signUpOrg } from '../../test/api.js';
import { cliRunner } from '../../test/cli.js';
import { startHarness } from '../../test/harness.js';
import { uniqueDomain, verifyAsOperator } from './sso.fixtures.js';

const { database, deedbox } = cliRunner('sso-cli');

// One process at a time on the data directory (PGlite): the app, then the CLI, then the app again.
describe('deedbox domain verify', () => {
  it('marks a domain the account added verified, logged', async () => {
    const domain = uniqueDomain();
    const h = await startHarness(database);
    let email: string;
    let orgId: string;
    try {
      const admin = await signUpOrg(h);
      email = admin.email;
      orgId = admin.me.org.id;
      expect((await call(h, admin, 'POST', '/settings/sso/domains', { domain })).statusCode).toBe(201);
    } finally {
      await h.close();
    }
    const done = await deedbox('domain', 'verify', '--org', orgId, '--domain', domain.toUpperCase());
    expect(done.code, done.stderr).toBe(0);
    expect(JSON.parse(done.stdout)).toMatchObject({ domain, verified: true, txtName: `_deedbox.${domain}` });
    const again = await startHarness(database);
    try {
      const owner = callerFrom(await signInAt(again, '10.77.0.2', email, PASSWORD));
      expect((await call(again, owner, 'GET', '/settings/sso')).json().domains).toEqual([
        expect.objectContaining({ domain, verified: true }),
      ]);
      const log = (await call(again, owner, 'GET', '/audit?limit=50')).json().items as { action: string }[];
      expect(log.map((e) => e.action)).toContain('sso.domain_verified');
    } finally {
      await again.close();
    }
  });

  it('refuses a domain verified by another account, one not added, and a malformed one', async () => {
    const domain = uniqueDomain();
    const h = await startHarness(database);
    let second: string;
    try {
      const first = await signUpOrg(h);
      const other = await signUpOrg(h);
      second = other.me.org.id;
      for (const admin of [first, other]) {
        expect((await call(h, admin, 'POST', '/settings/sso/domains', { domain })).statusCode).toBe(201);
      }
      await verifyAsOperator(h, first.me.org.id, domain);
    } finally {
      await h.close();
    }
    const taken = await deedbox('domain', 'verify', '--org', second, '--domain', domain);
    expect(taken.code).toBe(1);
    expect(taken.stderr).toContain('already verified by another account');
    const missing = await deedbox('domain', 'verify', '--org', second, '--domain', uniqueDomain());
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is not a domain of account');
    const bad = await deedbox('domain', 'verify', '--org', second, '--domain', 'not a domain');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--domain');
  });
});

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness, TEST_DATABASE_URL } from '../../test/harness.js';

// A second connection holding a table lock: PostgreSQL only (PGlite is one connection by design).
let h: Harness;
let owner: pg.Client;
beforeAll(async () => {
  h = await startHarness();
  owner = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await owner.connect();
});
afterAll(async () => {
  await owner.end();
  await h.close();
});

describe('forgot-password', () => {
  it('answers before any link is written, for a registered address as for an unknown one', async () => {
    const admin = await signUpOrg(h);
    // While no link can be written, an answer that waited for its own link would never come.
    await owner.query('begin');
    await owner.query('lock table user_tokens in share mode');
    try {
      const known = await call(h, null, 'POST', '/auth/forgot-password', { email: admin.email });
      const unknown = await call(h, null, 'POST', '/auth/forgot-password', { email: uniqueEmail('ghost') });
      expect([known.statusCode, unknown.statusCode]).toEqual([202, 202]);
      expect(known.body).toBe(unknown.body);
    } finally {
      await owner.query('rollback');
    }
    const mail = await h.sink.waitFor((m) => m.to.includes(admin.email) && m.subject.includes('Reset'));
    expect(mail.text).toContain('/reset-password?token=');
  });
});

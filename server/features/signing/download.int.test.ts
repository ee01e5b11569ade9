import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { signingLinkToken } from './links.js';
import { sealDue } from './seal.job.js';
import { mailTo, signedByAll } from './signflow.fixtures.js';
import { reseal } from './signing.run.js';

let h: Harness;
let admin: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
});
afterAll(() => h.close());

const documentToken = (text: string) => {
  const match = text.match(/\/api\/v1\/signing\/([A-Za-z0-9_-]+)\/document/);
  if (!match) throw new Error('no download link in the mail');
  return match[1]!;
};

describe('the download link in the completion mail', () => {
  it('gives each recipient the sealed PDF for 30 days, logged as their download; the sender gets the envelope page', async () => {
    const e = await signedByAll(h, admin);
    expect(await sealDue(h.app.deps, admin.me!.org.id, new Date())).toEqual({ sealed: 1, failed: 0 });
    const mail = await mailTo(h, admin, e.recipients[0]!.email, /Signed by all/);
    expect(mail.text).toMatch(/download the sealed document .* until/);
    const token = documentToken(mail.text);
    const res = await call(h, null, 'GET', `/signing/${token}/document`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(Buffer.from(mail.attachments[0]!.base64, 'base64').equals(res.rawPayload)).toBe(true);
    const own = await mailTo(h, admin, admin.me!.user!.email, /Signed by all/);
    expect(own.text).toContain(`/envelopes/${e.id}`);
    expect(own.text).not.toContain('/api/v1/signing/');

    const downloads = (await auditEvents(h, admin)).filter(
      (x) => x.action === 'document.downloaded' && x.objectId === e.documentId,
    );
    expect(downloads).toHaveLength(1);
    expect(JSON.stringify(downloads[0])).toContain(e.recipients[0]!.email);

    const flipped = token.slice(0, 50) + (token[50] === 'A' ? 'B' : 'A') + token.slice(51);
    expectProblem(await call(h, null, 'GET', `/signing/${flipped}/document`), 404, 'not_found');
    const secret = h.config.secretKey;
    const payload = { orgId: admin.me!.org.id, recipientId: e.recipients[0]!.id, generation: 1 };
    const signLink = signingLinkToken(secret, {
      ...payload,
      purpose: 'sign',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expectProblem(await call(h, null, 'GET', `/signing/${signLink}/document`), 404, 'not_found');
    const old = signingLinkToken(secret, { ...payload, purpose: 'download', expiresAt: new Date(Date.now() - 60_000) });
    expect(expectProblem(await call(h, null, 'GET', `/signing/${old}/document`), 410, 'gone').reason).toBe(
      'link_expired',
    );
  });

  it('answers 404 before the envelope is sealed', async () => {
    const e = await signedByAll(h, admin);
    const early = signingLinkToken(h.config.secretKey, {
      orgId: admin.me!.org.id,
      recipientId: e.recipients[0]!.id,
      generation: 1,
      purpose: 'download',
      expiresAt: new Date(Date.now() + 60_000),
    });
    expectProblem(await call(h, null, 'GET', `/signing/${early}/document`), 404, 'not_found');
    await sealDue(h.app.deps, admin.me!.org.id, new Date());
  });
});

describe('deedbox signing reseal', () => {
  it('queues a seal that failed for good again, and refuses one that did not fail', async () => {
    const e = await signedByAll(h, admin);
    await h.database.db.execute(
      sql`update signing_envelopes set seal_state = 'failed', seal_attempts = 10, seal_error = 'boom' where id = ${e.id}`,
    );
    expect(await sealDue(h.app.deps, admin.me!.org.id, new Date())).toEqual({ sealed: 0, failed: 0 });
    expect(await reseal(h.app.deps, e.id)).toEqual({ orgId: admin.me!.org.id, envelopeId: e.id });
    expect(await reseal(h.app.deps, e.id)).toBeNull();
    expect(await sealDue(h.app.deps, admin.me!.org.id, new Date())).toEqual({ sealed: 1, failed: 0 });
    const actions = (await auditEvents(h, admin, `&objectId=${e.id}`)).map((x) => x.action);
    expect(actions).toContain('envelope.seal_requeued');
  });
});

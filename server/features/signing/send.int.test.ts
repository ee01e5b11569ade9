import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/schemas/signing.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { readSigningLink, SIGNING_TOKEN_LENGTH } from './links.js';
import { mailTo, readyDraft, tokenIn } from './signflow.fixtures.js';

let h: Harness;
let admin: Caller;
let viewer: Caller;
let other: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
  other = await signUpOrg(h, 'Other GmbH');
});
afterAll(() => h.close());

describe('sending an envelope', () => {
  it('sends a draft: in progress until it expires, the first signer mailed a link of their own, logged', async () => {
    const { envelope: e, emails } = await readyDraft(h, admin);
    const res = await call(h, admin, 'POST', `/envelopes/${e.id}/send`);
    expect(res.statusCode, res.body).toBe(200);
    const sent = res.json() as Envelope;
    expect(sent).toMatchObject({ status: 'in_progress', abilities: { edit: false } });
    const days = (Date.parse(sent.expiresAt!) - Date.parse(sent.sentAt!)) / 86_400_000;
    expect(days).toBe(30);
    expect(sent.recipients.map((r) => r.status)).toEqual(['sent', 'pending']);

    const mail = await mailTo(h, admin, emails[0], /sign/);
    expect(mail.text).toContain('Please sign by Friday.');
    expect(mail.text).toContain('Lease');
    const token = tokenIn(mail);
    expect(token).toHaveLength(SIGNING_TOKEN_LENGTH);
    expect(readSigningLink(h.config.secretKey, token, 'sign', new Date())).toMatchObject({
      orgId: admin.me!.org.id,
      recipientId: sent.recipients[0]!.id,
      generation: 1,
    });
    // The second signer's turn has not come.
    expect(h.sink.messages.some((m) => m.to.includes(emails[1]))).toBe(false);

    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.map((x) => x.action)).toContain('envelope.sent');
    expectProblem(await call(h, admin, 'POST', `/envelopes/${e.id}/send`), 409, 'conflict');
  });

  it('mails every signer at once without a signing order', async () => {
    const { envelope: e, emails } = await readyDraft(h, admin, { signingOrder: false });
    expect((await call(h, admin, 'POST', `/envelopes/${e.id}/send`)).statusCode).toBe(200);
    await mailTo(h, admin, emails[0], /sign/);
    await h.sink.waitFor((m) => m.to.includes(emails[1]));
  });

  it('names what is missing: a signer, a signature field for each signer', async () => {
    const { envelope: e } = await readyDraft(h, admin);
    const noFields = await call(h, admin, 'PUT', `/envelopes/${e.id}/fields`, {
      fields: e.fields.filter((f) => f.recipientId !== e.recipients[1]!.id || f.type !== 'signature'),
    });
    expect(noFields.statusCode, noFields.body).toBe(200);
    const missing = expectProblem(await call(h, admin, 'POST', `/envelopes/${e.id}/send`), 422, 'validation_failed');
    expect(missing.errors).toEqual([
      expect.objectContaining({
        field: 'fields',
        rule: 'signature_field_required',
        params: { email: e.recipients[1]!.email },
      }),
    ]);
    await call(h, admin, 'PUT', `/envelopes/${e.id}/recipients`, { recipients: [] });
    const none = expectProblem(await call(h, admin, 'POST', `/envelopes/${e.id}/send`), 422, 'validation_failed');
    expect(none.errors![0]).toMatchObject({ field: 'recipients', rule: 'signer_required' });
    expect(((await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope).status).toBe('draft');
  });

  it('refuses without a signing certificate (409 signing_unconfigured)', async () => {
    const { envelope: e } = await readyDraft(h, admin);
    const deps = h.app.deps as { config: typeof h.config };
    const config = deps.config;
    deps.config = { ...config, signing: { kind: 'none', name: config.signing.name } };
    try {
      const res = await call(h, admin, 'POST', `/envelopes/${e.id}/send`);
      expect(expectProblem(res, 409, 'conflict').reason).toBe('signing_unconfigured');
    } finally {
      deps.config = config;
    }
  });

  it('is for writers of the place: viewer 403, another org 404, no session 401', async () => {
    const { envelope: e } = await readyDraft(h, admin);
    expectProblem(await call(h, viewer, 'POST', `/envelopes/${e.id}/send`), 403, 'forbidden');
    expectProblem(await call(h, other, 'POST', `/envelopes/${e.id}/send`), 404, 'not_found');
    expect((await call(h, null, 'POST', `/envelopes/${e.id}/send`)).statusCode).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/schemas/signing.js';
import type { SigningPage } from '../../../common/schemas/signing-page.js';
import { auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { signingLinkToken } from './links.js';
import { TINY_PNG } from './pdf/signing.fixtures.js';
import { mailTo, readyDraft, tokenIn } from './signflow.fixtures.js';

let h: Harness;
let admin: Caller;
let other: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  other = await signUpOrg(h, 'Other GmbH');
});
afterAll(() => h.close());

const typed = { signature: { kind: 'typed', text: 'Jürgen Groß' }, consent: true };
const drawn = (png: Buffer) => ({ signature: { kind: 'drawn', png: png.toString('base64') }, consent: true });

async function sentEnvelope(body?: Record<string, unknown>) {
  const { envelope, emails } = await readyDraft(h, admin, body);
  const res = await call(h, admin, 'POST', `/envelopes/${envelope.id}/send`);
  expect(res.statusCode, res.body).toBe(200);
  const token = tokenIn(await mailTo(h, admin, emails[0], /sign/));
  return { envelope: res.json() as Envelope, emails, token };
}

const page = (token: string) => call(h, null, 'GET', `/signing/${token}`);

describe('the signing page', () => {
  it('shows the recipient their fields; viewed once recorded; the PDF as sent, never cached', async () => {
    const { envelope: e, token } = await sentEnvelope();
    const res = await page(token);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as SigningPage;
    expect(p).toMatchObject({ title: 'Lease', message: 'Please sign by Friday.', state: 'ready' });
    expect(p.recipient.name).toBe('Jürgen Groß');
    expect(p.fields.map((f) => f.type).sort()).toEqual(['signature', 'text']);
    expect(p.pages).toHaveLength(2);

    expect((await call(h, null, 'POST', `/signing/${token}/viewed`)).statusCode).toBe(200);
    expect((await call(h, null, 'POST', `/signing/${token}/viewed`)).statusCode).toBe(200);
    const seen = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(seen.recipients[0]).toMatchObject({ status: 'viewed' });
    expect(seen.recipients[0]!.viewedAt).not.toBeNull();

    const pdf = await call(h, null, 'GET', `/signing/${token}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['cache-control']).toBe('no-store');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('answers an altered, foreign, stale or expired link as design §4 orders', async () => {
    const { envelope: e, token } = await sentEnvelope();
    const flipped = token.slice(0, 50) + (token[50] === 'A' ? 'B' : 'A') + token.slice(51);
    expectProblem(await page(flipped), 404, 'not_found');
    expectProblem(await page('A'.repeat(96)), 404, 'not_found');
    const link = {
      purpose: 'sign' as 'sign' | 'download',
      generation: 1,
      orgId: admin.me!.org.id,
      recipientId: e.recipients[0]!.id,
    };
    const expires = new Date(Date.now() + 86_400_000);
    const forge = (p: Partial<typeof link> & { expiresAt?: Date }) =>
      signingLinkToken(h.config.secretKey, { ...link, expiresAt: expires, ...p });
    expectProblem(await page(forge({ orgId: other.me!.org.id })), 404, 'not_found');
    expectProblem(await page(forge({ generation: 2 })), 404, 'not_found');
    expect(expectProblem(await page(forge({ expiresAt: new Date(Date.now() - 1000) })), 410, 'gone').reason).toBe(
      'link_expired',
    );
    expectProblem(await page(forge({ purpose: 'download' })), 404, 'not_found');
    // The second signer's own link works, but it is not their turn yet.
    const second = forge({ recipientId: e.recipients[1]!.id });
    expect(((await page(second)).json() as SigningPage).state).toBe('waiting');
    const early = await call(h, null, 'POST', `/signing/${second}/sign`, typed);
    expect(expectProblem(early, 409, 'conflict').reason).toBe('not_your_turn');
  });

  it('signs in order: values checked, the second signer mailed, the envelope goes to be sealed', async () => {
    const { envelope: e, emails, token } = await sentEnvelope();
    const city = e.fields.find((f) => f.recipientId === e.recipients[0]!.id && f.type === 'text')!;
    const foreign = e.fields.find((f) => f.recipientId === e.recipients[1]!.id)!;
    const bad = await call(h, null, 'POST', `/signing/${token}/sign`, {
      ...typed,
      fields: [{ id: foreign.id, value: 'x' }],
    });
    expect(expectProblem(bad, 422, 'validation_failed').errors![0]).toMatchObject({
      field: 'fields.0',
      rule: 'unknown_field',
    });
    const noConsent = await call(h, null, 'POST', `/signing/${token}/sign`, { ...typed, consent: false });
    expectProblem(noConsent, 422, 'validation_failed');
    const notPng = await call(h, null, 'POST', `/signing/${token}/sign`, drawn(Buffer.from('GIF89a not a png')));
    expect(expectProblem(notPng, 422, 'validation_failed').errors![0]).toMatchObject({ rule: 'signature_invalid' });
    const huge = Buffer.concat([TINY_PNG, Buffer.alloc(210 * 1024)]);
    const tooLarge = await call(h, null, 'POST', `/signing/${token}/sign`, drawn(huge));
    expectProblem(tooLarge, 413, 'payload_too_large');

    const ok = await call(h, null, 'POST', `/signing/${token}/sign`, {
      ...typed,
      fields: [{ id: city.id, value: 'Köln' }],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ state: 'signed' });
    const again = await call(h, null, 'POST', `/signing/${token}/sign`, typed);
    expect(expectProblem(again, 409, 'conflict').reason).toBe('already_signed');
    expect(((await page(token)).json() as SigningPage).state).toBe('signed');

    const second = tokenIn(await mailTo(h, admin, emails[1], /sign/));
    const done = await call(h, null, 'POST', `/signing/${second}/sign`, drawn(TINY_PNG));
    expect(done.statusCode, done.body).toBe(200);
    const after = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(after.recipients.map((r) => r.status)).toEqual(['signed', 'signed']);
    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    const signed = events.filter((x) => x.action === 'signing.signed');
    expect(signed).toHaveLength(2);
    expect(signed[0]!.actor).toMatchObject({ type: 'anonymous' });
  });

  it('declines: the envelope ends for everyone, the sender is told', async () => {
    const { envelope: e, token } = await sentEnvelope({ signingOrder: false });
    expectProblem(await call(h, null, 'POST', `/signing/${token}/decline`, { reason: '' }), 422, 'validation_failed');
    const res = await call(h, null, 'POST', `/signing/${token}/decline`, { reason: 'Wrong rent.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(((await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope).status).toBe('declined');
    const again = await call(h, null, 'POST', `/signing/${token}/sign`, typed);
    expect(expectProblem(again, 410, 'gone').reason).toBe('envelope_declined');
    await mailTo(h, admin, admin.me!.user!.email, /declined/);
    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.map((x) => x.action)).toContain('signing.declined');
  });
});

describe('cancelling', () => {
  it('cancels an envelope out for signing: its links answer 410, the signer is told, logged', async () => {
    const { envelope: e, emails, token } = await sentEnvelope();
    expectProblem(await call(h, admin, 'POST', `/envelopes/${e.id}/cancel`, { reason: '' }), 422, 'validation_failed');
    expectProblem(await call(h, other, 'POST', `/envelopes/${e.id}/cancel`, { reason: 'x' }), 404, 'not_found');
    expect((await call(h, null, 'POST', `/envelopes/${e.id}/cancel`, { reason: 'x' })).statusCode).toBe(401);
    const res = await call(h, admin, 'POST', `/envelopes/${e.id}/cancel`, { reason: 'Terms changed.' });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Envelope).status).toBe('cancelled');
    expect(((await page(token)).json() as SigningPage).state).toBe('cancelled');
    const late = await call(h, null, 'POST', `/signing/${token}/sign`, typed);
    expect(expectProblem(late, 410, 'gone').reason).toBe('envelope_cancelled');
    await mailTo(h, admin, emails[0], /cancelled/);
    const again = await call(h, admin, 'POST', `/envelopes/${e.id}/cancel`, { reason: 'Again.' });
    expect(expectProblem(again, 409, 'conflict').reason).toBe('envelope_not_in_progress');
    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.map((x) => x.action)).toContain('envelope.cancelled');
  });
});

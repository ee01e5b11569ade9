import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../common/schemas/signing.js';
import { MAIL_KINDS } from '../../mail-kinds.js';
import { sendOrgMail } from '../../platform/mail/mail.jobs.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  signUpOrg,
  uniqueEmail,
} from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
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

async function sentEnvelope() {
  const { envelope, emails } = await readyDraft(h, admin);
  const res = await call(h, admin, 'POST', `/envelopes/${envelope.id}/send`);
  expect(res.statusCode, res.body).toBe(200);
  const token = tokenIn(await mailTo(h, admin, emails[0], /sign/));
  const sent = res.json() as Envelope;
  return { e: sent, first: sent.recipients[0]!, second: sent.recipients[1]!, emails, token };
}

const mailsTo = (email: string) => h.sink.messages.filter((m) => m.to.includes(email));
const signAs = (token: string) =>
  call(h, null, 'POST', `/signing/${token}/sign`, { signature: { kind: 'typed', text: 'Me' }, consent: true });

describe('resending a request to sign', () => {
  it('mails the same link again, at most once every 10 minutes, logged as an event', async () => {
    const { e, first, emails, token } = await sentEnvelope();
    expect(first.abilities).toEqual({ resend: true, change: true });
    const res = await call(h, admin, 'POST', `/envelopes/${e.id}/recipients/${first.id}/resend`);
    expect(res.statusCode, res.body).toBe(200);
    await sendOrgMail(h.app.deps, admin.me!.org.id, new Date(), MAIL_KINDS);
    await h.sink.waitFor(() => mailsTo(emails[0]).length === 2);
    expect(mailsTo(emails[0]).map(tokenIn)).toEqual([token, token]);

    const soon = expectProblem(
      await call(h, admin, 'POST', `/envelopes/${e.id}/recipients/${first.id}/resend`),
      409,
      'conflict',
    );
    expect(soon.reason).toBe('resend_too_soon');
    expect(soon.params?.seconds).toBeGreaterThan(500);
    // Ten minutes pass (the evidence of the last resend moved back), and a third mail may go.
    await h.database.db.execute(
      sql`update signing_events set at = at - interval '11 minutes' where recipient_id = ${first.id} and kind = 'resent'`,
    );
    expect((await call(h, admin, 'POST', `/envelopes/${e.id}/recipients/${first.id}/resend`)).statusCode).toBe(200);
    await sendOrgMail(h.app.deps, admin.me!.org.id, new Date(), MAIL_KINDS);
    await h.sink.waitFor(() => mailsTo(emails[0]).length === 3);

    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.filter((x) => x.action === 'envelope.resent')).toHaveLength(2);
  });

  it('refuses whom it does not concern: not their turn, already signed, unknown recipient, bad id', async () => {
    const { e, first, second, token } = await sentEnvelope();
    expect(second.abilities).toEqual({ resend: false, change: true });
    const waiting = await call(h, admin, 'POST', `/envelopes/${e.id}/recipients/${second.id}/resend`);
    expect(expectProblem(waiting, 409, 'conflict').reason).toBe('nothing_to_send');
    expect((await signAs(token)).statusCode).toBe(200);
    const signed = await call(h, admin, 'POST', `/envelopes/${e.id}/recipients/${first.id}/resend`);
    expect(expectProblem(signed, 409, 'conflict').reason).toBe('recipient_done');
    const now = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(now.recipients.map((r) => r.abilities.resend)).toEqual([false, true]);
    const unknown = `/envelopes/${e.id}/recipients/${crypto.randomUUID()}/resend`;
    expectProblem(await call(h, admin, 'POST', unknown), 404, 'not_found');
    const bad = await call(h, admin, 'POST', `/envelopes/${e.id}/recipients/not-an-id/resend`);
    expect(expectProblem(bad, 422, 'validation_failed').errors![0]).toMatchObject({ field: 'rid' });
  });

  it('is for writers: viewer 403, another org 404, no session 401, not for a draft', async () => {
    const { e, first } = await sentEnvelope();
    const path = `/envelopes/${e.id}/recipients/${first.id}/resend`;
    expectProblem(await call(h, viewer, 'POST', path), 403, 'forbidden');
    expectProblem(await call(h, other, 'POST', path), 404, 'not_found');
    expect((await call(h, null, 'POST', path)).statusCode).toBe(401);
    expect(((await call(h, viewer, 'GET', `/envelopes/${e.id}`)).json() as Envelope).recipients[0]!.abilities).toEqual({
      resend: false,
      change: false,
    });
    const { envelope: draft } = await readyDraft(h, admin);
    const drafted = await call(h, admin, 'POST', `/envelopes/${draft.id}/recipients/${draft.recipients[0]!.id}/resend`);
    expect(expectProblem(drafted, 409, 'conflict').reason).toBe('envelope_not_in_progress');
  });
});

describe('changing a recipient', () => {
  it('a new address: a new link generation (the old link 404), a request to the new address, logged with both', async () => {
    const { e, first, emails, token } = await sentEnvelope();
    const moved = uniqueEmail('moved');
    const res = await call(h, admin, 'PATCH', `/envelopes/${e.id}/recipients/${first.id}`, {
      name: 'Jürgen Neu',
      email: moved.toUpperCase(),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Envelope).recipients[0]).toMatchObject({ name: 'Jürgen Neu', email: moved, status: 'sent' });
    expectProblem(await call(h, null, 'GET', `/signing/${token}`), 404, 'not_found');
    const fresh = tokenIn(await mailTo(h, admin, moved, /sign/));
    expect(fresh).not.toBe(token);
    const page = await call(h, null, 'GET', `/signing/${fresh}`);
    expect(page.statusCode, page.body).toBe(200);
    expect(page.json()).toMatchObject({ state: 'ready', recipient: { name: 'Jürgen Neu', email: moved } });
    expect(mailsTo(emails[0])).toHaveLength(1);

    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    const changed = events.find((x) => x.action === 'envelope.recipient_changed');
    expect(changed).toBeDefined();
    expect(JSON.stringify(changed)).toContain(moved);
    expect(JSON.stringify(changed)).toContain(emails[0]);
  });

  it('a request still queued for the old address is not sent with the new link', async () => {
    const { envelope: e, emails } = await readyDraft(h, admin);
    expect((await call(h, admin, 'POST', `/envelopes/${e.id}/send`)).statusCode).toBe(200);
    const moved = uniqueEmail('queued');
    const rid = e.recipients[0]!.id;
    expect((await call(h, admin, 'PATCH', `/envelopes/${e.id}/recipients/${rid}`, { email: moved })).statusCode).toBe(
      200,
    );
    await mailTo(h, admin, moved, /sign/);
    expect(mailsTo(emails[0])).toHaveLength(0);
  });

  it('a recipient whose turn has not come is not mailed; a name alone keeps the link', async () => {
    const { e, second, token, first } = await sentEnvelope();
    const moved = uniqueEmail('later');
    expect(
      (await call(h, admin, 'PATCH', `/envelopes/${e.id}/recipients/${second.id}`, { email: moved })).statusCode,
    ).toBe(200);
    const renamed = await call(h, admin, 'PATCH', `/envelopes/${e.id}/recipients/${first.id}`, { name: 'Jürgen G.' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect((await call(h, null, 'GET', `/signing/${token}`)).statusCode).toBe(200);
    expect((await signAs(token)).statusCode).toBe(200);
    await mailTo(h, admin, moved, /sign/);
  });

  it('refuses a duplicate address (422 naming email), bad input, a signed recipient, and others', async () => {
    const { e, first, second, token } = await sentEnvelope();
    const path = `/envelopes/${e.id}/recipients/${second.id}`;
    const dup = await call(h, admin, 'PATCH', path, { email: first.email.toUpperCase() });
    expect(expectProblem(dup, 422, 'validation_failed').errors![0]).toMatchObject({
      field: 'email',
      rule: 'already_recipient',
    });
    expectProblem(await call(h, admin, 'PATCH', path, {}), 422, 'validation_failed');
    const badEmail = await call(h, admin, 'PATCH', path, { email: 'not an address' });
    expect(expectProblem(badEmail, 422, 'validation_failed').errors![0]).toMatchObject({ field: 'email' });
    expect((await signAs(token)).statusCode).toBe(200);
    const signed = await call(h, admin, 'PATCH', `/envelopes/${e.id}/recipients/${first.id}`, { name: 'Late' });
    expect(expectProblem(signed, 409, 'conflict').reason).toBe('recipient_done');
    expectProblem(await call(h, viewer, 'PATCH', path, { name: 'X' }), 403, 'forbidden');
    expectProblem(await call(h, other, 'PATCH', path, { name: 'X' }), 404, 'not_found');
    expect((await call(h, null, 'PATCH', path, { name: 'X' })).statusCode).toBe(401);
  });
});

import { eq, sql } from 'drizzle-orm';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAttempts, webhookDeliveries } from '../../db/schema/index.js';
import { MAIL_KINDS } from '../../mail-kinds.js';
import { runInOrg } from '../../platform/context.js';
import { sendOrgMail } from '../../platform/mail/mail.jobs.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { future } from '../contracts/contracts.fixtures.js';
import { deliverDue } from './webhooks.deliver.js';
import { pruneDeliveries } from './webhooks.jobs.js';
import { type Answer, closedPort, startReceiver } from './webhooks.receiver.test-kit.js';
import * as repo from './webhooks.repo.js';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
const answers = new Map<string, (n: number) => Answer>();
beforeAll(async () => {
  h = await startHarness({ WEBHOOK_TIMEOUT_MS: '300' });
  receiver = await startReceiver((path, n) => answers.get(path)?.(n) ?? { status: 204 });
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

const orgOf = (who: Caller) => who.me!.org.id;
let paths = 0;
/** A fresh receiver path answered as `answer` says. */
function path(answer: (n: number) => Answer = () => ({ status: 204 })): string {
  const p = `/hook-${++paths}`;
  answers.set(p, answer);
  return p;
}

async function endpoint(admin: Caller, url: string, eventTypes = ['contract.created']) {
  const res = await call(h, admin, 'POST', '/webhooks', { url, description: 'ERP', eventTypes });
  expect(res.statusCode).toBe(201);
  return res.json() as { endpoint: { id: string }; secret: string };
}

async function deliveriesOf(admin: Caller, id: string) {
  return (await call(h, admin, 'GET', `/webhooks/${id}/deliveries`)).json().items as {
    id: string;
    messageId: string;
    status: string;
    attempts: number;
    lastStatusCode: number | null;
    lastDurationMs: number | null;
    lastError: string | null;
    nextAttemptAt: string | null;
  }[];
}

describe('webhook endpoints', () => {
  it('creates an endpoint whose secret is shown once and sends a test event signed per Standard Webhooks', async () => {
    const admin = await signUpOrg(h);
    const p = path();
    const { endpoint: e, secret } = await endpoint(admin, receiver.url(p));
    expect(secret).toMatch(/^whsec_/);
    const listed = await call(h, admin, 'GET', '/webhooks');
    expect(listed.body).not.toContain(secret.slice(6));
    expect((await call(h, admin, 'GET', `/webhooks/${e.id}`)).body).not.toContain(secret.slice(6));

    const test = await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    expect(test.statusCode).toBe(202);
    expect(test.json()).toMatchObject({
      status: 'queued',
      eventType: 'webhook.test',
      messageId: expect.stringMatching(/^msg_/),
    });
    const counts = await deliverDue(h.app.deps, orgOf(admin), new Date());
    expect(counts).toMatchObject({ succeeded: 1 });
    const [got] = receiver.at(p);
    expect(got!.headers['webhook-id']).toBe(test.json().messageId);
    const verified = new Webhook(secret).verify(got!.body, got!.headers) as { type: string; data: object };
    expect(verified).toMatchObject({ type: 'webhook.test', data: { endpointId: e.id } });
    const [d] = await deliveriesOf(admin, e.id);
    expect(d).toMatchObject({ status: 'succeeded', attempts: 1, lastStatusCode: 204, lastError: null });
    expect(d!.lastDurationMs).toBeGreaterThanOrEqual(0);
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(24, 1).toString('base64')}`).verify(got!.body, got!.headers),
    ).toThrow();
  });

  it('retries a 500 with backoff under the same webhook-id, and succeeds on the next attempt', async () => {
    const admin = await signUpOrg(h);
    const p = path((n) => ({ status: n === 1 ? 500 : 200 }));
    const { endpoint: e, secret } = await endpoint(admin, receiver.url(p));
    await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    const t0 = new Date();
    expect(await deliverDue(h.app.deps, orgOf(admin), t0)).toMatchObject({ retrying: 1 });
    let [d] = await deliveriesOf(admin, e.id);
    expect(d).toMatchObject({ status: 'retrying', lastStatusCode: 500, lastError: 'HTTP 500' });
    expect(new Date(d!.nextAttemptAt!).getTime()).toBe(t0.getTime() + 5_000);
    // Not due yet: nothing is sent.
    expect(await deliverDue(h.app.deps, orgOf(admin), new Date(t0.getTime() + 4_000))).toMatchObject({ succeeded: 0 });
    expect(await deliverDue(h.app.deps, orgOf(admin), new Date(t0.getTime() + 5_000))).toMatchObject({ succeeded: 1 });
    [d] = await deliveriesOf(admin, e.id);
    expect(d).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 200 });
    const hits = receiver.at(p);
    expect(hits).toHaveLength(2);
    expect(new Set(hits.map((r) => r.headers['webhook-id']))).toEqual(new Set([d!.messageId]));
    for (const r of hits) new Webhook(secret).verify(r.body, r.headers);
  });

  it('counts a timeout, a redirect (not followed) and a closed port as failures to retry', async () => {
    const admin = await signUpOrg(h);
    const target = path();
    const hang = path(() => 'hang');
    const redirect = path(() => ({ status: 302, headers: { location: receiver.url(target) } }));
    const port = await closedPort();
    const ids = [];
    for (const url of [receiver.url(hang), receiver.url(redirect), `http://127.0.0.1:${port}/hook`]) {
      const { endpoint: e } = await endpoint(admin, url);
      await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
      ids.push(e.id);
    }
    expect(await deliverDue(h.app.deps, orgOf(admin), new Date())).toMatchObject({ retrying: 3, succeeded: 0 });
    const [timedOut, redirected, refused] = await Promise.all(
      ids.map(async (id) => (await deliveriesOf(admin, id))[0]!),
    );
    expect(timedOut).toMatchObject({ status: 'retrying', lastStatusCode: null, lastError: 'no answer within 300 ms' });
    expect(redirected).toMatchObject({
      status: 'retrying',
      lastStatusCode: 302,
      lastError: 'redirect 302 not followed',
    });
    expect(refused).toMatchObject({
      status: 'retrying',
      lastStatusCode: null,
      lastError: expect.stringContaining('ECONNREFUSED'),
    });
    expect(receiver.at(target)).toHaveLength(0);
  });

  it('gives up after three days, disables the endpoint and mails the administrators once; enabling sends what waited', async () => {
    const admin = await signUpOrg(h);
    const port = await closedPort();
    const { endpoint: e } = await endpoint(admin, `http://127.0.0.1:${port}/hook`);
    await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    const orgId = orgOf(admin);
    let now = new Date();
    const t0 = now.getTime();
    const seen: string[] = [];
    for (let i = 0; i < 30; i++) {
      const counts = await deliverDue(h.app.deps, orgId, now);
      const [d] = await deliveriesOf(admin, e.id);
      seen.push(d!.status);
      if (d!.status === 'failed') {
        expect(counts).toMatchObject({ failed: 1, disabled: 1 });
        break;
      }
      now = new Date(d!.nextAttemptAt!);
    }
    expect(seen.at(-1)).toBe('failed');
    expect(now.getTime() - t0).toBe(3 * 24 * 3_600_000);
    const [d] = await deliveriesOf(admin, e.id);
    // 5 s, 5 min, 30 min, 2 h, 5 h, then every 10 h, and a last attempt three days after the first.
    expect(d!.attempts).toBe(13);
    expect((await call(h, admin, 'GET', `/webhooks/${e.id}`)).json()).toMatchObject({
      status: 'disabled',
      disabledReason: 'failing',
    });
    // A new event waits while the endpoint is disabled.
    await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    expect(await deliverDue(h.app.deps, orgId, now)).toMatchObject({ succeeded: 0, retrying: 0 });

    await sendOrgMail(h.app.deps, orgId, now, MAIL_KINDS);
    const mails = h.sink.messages.filter(
      (m) => m.to.includes(admin.email) && /webhook endpoint was disabled/.test(m.subject),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain(`127.0.0.1:${port}`);
    const actions = (await auditEvents(h, admin, '&objectType=webhook_endpoint')).map((x) => x.action);
    expect(actions).toContain('webhook.disabled');

    // Fixed and enabled again: what waited is sent.
    const ok = path();
    await call(h, admin, 'PATCH', `/webhooks/${e.id}`, { url: receiver.url(ok) });
    expect((await call(h, admin, 'POST', `/webhooks/${e.id}/enable`)).json()).toMatchObject({ status: 'active' });
    expect(await deliverDue(h.app.deps, orgId, now)).toMatchObject({ succeeded: 1 });
    expect(receiver.at(ok)).toHaveLength(1);
  });

  it('delivers at least once under the same id: a worker that dies mid-send, and a resend', async () => {
    const admin = await signUpOrg(h);
    const p = path();
    const { endpoint: e, secret } = await endpoint(admin, receiver.url(p));
    const { messageId } = (await call(h, admin, 'POST', `/webhooks/${e.id}/test`)).json();
    const orgId = orgOf(admin);
    const now = new Date();
    // A worker claims the delivery and dies before sending or settling.
    const claimed = await runInOrg(
      h.app.deps,
      { orgId, actor: { type: 'system', name: 'test' } },
      { id: crypto.randomUUID(), ip: null, userAgent: null, via: 'cli' },
      (ctx) => repo.claim(ctx.tx, orgId, now, 10, 60_000),
    );
    expect(claimed).toHaveLength(1);
    expect(await deliverDue(h.app.deps, orgId, new Date(now.getTime() + 30_000))).toMatchObject({ succeeded: 0 });
    expect(await deliverDue(h.app.deps, orgId, new Date(now.getTime() + 61_000))).toMatchObject({ succeeded: 1 });
    const [d] = await deliveriesOf(admin, e.id);
    const resent = await call(h, admin, 'POST', `/webhooks/${e.id}/deliveries/${d!.id}/resend`);
    expect(resent.statusCode).toBe(202);
    expect(resent.json()).toMatchObject({ status: 'queued', messageId });
    expect(await deliverDue(h.app.deps, orgId, new Date())).toMatchObject({ succeeded: 1 });
    const hits = receiver.at(p);
    expect(hits.map((r) => r.headers['webhook-id'])).toEqual([messageId, messageId]);
    for (const r of hits) new Webhook(secret).verify(r.body, r.headers);
    const actions = (await auditEvents(h, admin, '&objectType=webhook_endpoint')).map((x) => x.action);
    expect(actions).toEqual(['webhook.delivery_resent', 'webhook.test_sent', 'webhook.created']);
  });

  it('signs with both secrets for 24 hours after a rotation', async () => {
    const admin = await signUpOrg(h);
    const p = path();
    const { endpoint: e, secret: old } = await endpoint(admin, receiver.url(p));
    const rotated = await call(h, admin, 'POST', `/webhooks/${e.id}/rotate-secret`);
    expect(rotated.statusCode).toBe(200);
    const { secret, endpoint: after } = rotated.json();
    expect(secret).not.toBe(old);
    expect(after.previousSecretUntil).not.toBeNull();
    await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    await deliverDue(h.app.deps, orgOf(admin), new Date());
    const [got] = receiver.at(p);
    expect(got!.headers['webhook-signature']!.split(' ')).toHaveLength(2);
    new Webhook(old).verify(got!.body, got!.headers);
    new Webhook(secret).verify(got!.body, got!.headers);
    // A day later only the new secret signs.
    await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    await deliverDue(h.app.deps, orgOf(admin), new Date(Date.now() + 24 * 3_600_000 + 1_000));
    expect(receiver.at(p)[1]!.headers['webhook-signature']!.split(' ')).toHaveLength(1);
    const actions = (await auditEvents(h, admin, '&objectType=webhook_endpoint')).map((x) => x.action);
    expect(actions).toContain('webhook.secret_rotated');
  });

  it('checks the address at send time after resolving: a private target is refused when private targets are not allowed', async () => {
    const admin = await signUpOrg(h);
    const p = path();
    const { endpoint: e } = await endpoint(admin, receiver.url(p));
    await call(h, admin, 'POST', `/webhooks/${e.id}/test`);
    const config = { ...h.app.deps.config, webhooks: { ...h.app.deps.config.webhooks, allowPrivate: false } };
    expect(await deliverDue({ ...h.app.deps, config }, orgOf(admin), new Date())).toMatchObject({ retrying: 1 });
    expect((await deliveriesOf(admin, e.id))[0]!.lastError).toContain('private');
    expect(receiver.at(p)).toHaveLength(0);
  });

  it('keeps finished deliveries in the log for 30 days; those still being tried stay', async () => {
    const admin = await signUpOrg(h);
    const good = (await endpoint(admin, receiver.url(path()))).endpoint;
    const bad = (await endpoint(admin, receiver.url(path(() => ({ status: 500 }))))).endpoint;
    for (const title of ['One', 'Two']) {
      expect((await call(h, admin, 'POST', '/contracts', { title, lifecycle: future })).statusCode).toBe(201);
    }
    await deliverDue(h.app.deps, orgOf(admin), new Date());
    expect((await deliveriesOf(admin, good.id)).map((d) => d.status)).toEqual(['succeeded', 'succeeded']);
    expect((await deliveriesOf(admin, bad.id)).map((d) => d.status)).toEqual(['retrying', 'retrying']);
    expect(await pruneDeliveries(h.app.deps, orgOf(admin), new Date())).toBe(0);
    // A month passes for this org's deliveries.
    await h.database.db
      .update(webhookDeliveries)
      .set({ createdAt: sql`created_at - interval '31 days'` })
      .where(eq(webhookDeliveries.orgId, orgOf(admin)));
    expect(await pruneDeliveries(h.app.deps, orgOf(admin), new Date())).toBe(2);
    expect(await deliveriesOf(admin, good.id)).toEqual([]);
    expect(await deliveriesOf(admin, bad.id)).toHaveLength(2);
    const attempts = await h.database.db
      .select()
      .from(webhookAttempts)
      .where(eq(webhookAttempts.orgId, orgOf(admin)));
    expect(attempts).toHaveLength(2);
  });

  it('updates, disables and deletes an endpoint, each in the activity log', async () => {
    const admin = await signUpOrg(h);
    const { endpoint: e } = await endpoint(admin, receiver.url(path()));
    const patched = await call(h, admin, 'PATCH', `/webhooks/${e.id}`, {
      description: 'Billing',
      eventTypes: ['contract.updated', 'contract.deleted'],
    });
    expect(patched.json()).toMatchObject({
      description: 'Billing',
      eventTypes: ['contract.updated', 'contract.deleted'],
    });
    expect((await call(h, admin, 'POST', `/webhooks/${e.id}/disable`)).json()).toMatchObject({
      status: 'disabled',
      disabledReason: 'manual',
    });
    expect((await call(h, admin, 'DELETE', `/webhooks/${e.id}`)).statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', `/webhooks/${e.id}`), 404, 'not_found');
    const actions = (await auditEvents(h, admin, '&objectType=webhook_endpoint')).map((x) => x.action);
    expect(actions).toEqual(['webhook.deleted', 'webhook.disabled', 'webhook.updated', 'webhook.created']);
  });

  it('refuses bad input, non-administrators, other orgs and callers without a session', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    const { endpoint: e } = await endpoint(admin, receiver.url(path()));
    const bad = async (body: object) =>
      expectProblem(await call(h, admin, 'POST', '/webhooks', body), 422, 'validation_failed').errors?.[0];
    expect(await bad({ url: receiver.url('/x'), eventTypes: [] })).toMatchObject({ field: 'eventTypes' });
    expect(await bad({ url: receiver.url('/x'), eventTypes: ['contract.exploded'] })).toMatchObject({
      field: 'eventTypes.0',
    });
    expect(await bad({ url: 'not a url', eventTypes: ['contract.created'] })).toMatchObject({
      field: 'url',
      rule: 'webhook_url_format',
    });
    expect(await bad({ url: 'http://u:p@127.0.0.1/x', eventTypes: ['contract.created'] })).toMatchObject({
      field: 'url',
      rule: 'webhook_url_credentials',
    });
    expectProblem(await call(h, editor, 'GET', '/webhooks'), 403, 'forbidden');
    expectProblem(await call(h, editor, 'POST', `/webhooks/${e.id}/test`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'GET', `/webhooks/${e.id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'POST', `/webhooks/${e.id}/rotate-secret`), 404, 'not_found');
    expectProblem(await call(h, null, 'GET', '/webhooks'), 401, 'unauthenticated');
  });
});

describe('webhook URLs in production', () => {
  let prod: Harness;
  beforeAll(async () => {
    prod = await startHarness({ WEBHOOK_ALLOW_PRIVATE: 'false', WEBHOOK_REQUIRE_HTTPS: 'true' });
  });
  afterAll(() => prod.close());

  it('refuses http, private, loopback, link-local and unique-local addresses at save, naming url and the rule', async () => {
    const admin = await signUpOrg(prod);
    const ruleOf = async (url: string) =>
      expectProblem(
        await call(prod, admin, 'POST', '/webhooks', { url, eventTypes: ['contract.created'] }),
        422,
        'validation_failed',
      ).errors?.[0];
    expect(await ruleOf('http://hooks.example.com/x')).toMatchObject({ field: 'url', rule: 'webhook_url_scheme' });
    for (const url of [
      'https://127.0.0.1/x',
      'https://10.1.2.3/x',
      'https://192.168.0.10/x',
      'https://172.20.0.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:127.0.0.1]/x',
      'https://localhost/x',
      'https://0.0.0.0/x',
    ])
      expect(await ruleOf(url), url).toMatchObject({ field: 'url', rule: 'webhook_url_private' });
    const ok = await call(prod, admin, 'POST', '/webhooks', {
      url: 'https://hooks.example.com/deedbox',
      eventTypes: ['contract.created'],
    });
    expect(ok.statusCode).toBe(201);
  });
});

import { randomUUID } from 'node:crypto';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

const SECRET = 'whsec_deedbox_test_secret';
let h: Harness;
beforeAll(async () => {
  h = await startHarness({
    STRIPE_WEBHOOK_SECRET: SECRET,
    STRIPE_PRICES: 'price_team=team,price_business=business',
    STRIPE_PAYMENT_LINKS: 'team=https://buy.stripe.com/test_team,business=https://buy.stripe.com/test_business',
    STRIPE_PORTAL_URL: 'https://billing.stripe.com/p/login/test_portal',
  });
});
afterAll(() => h?.close());

const now = () => Math.floor(Date.now() / 1000);
let base = now();

function event(type: string, object: Record<string, unknown>, created = base, id = `evt_${randomUUID()}`) {
  return { id, object: 'event', type, created, livemode: false, api_version: '2025-11-17', data: { object } };
}

/** Posts an event signed exactly as Stripe's library signs it (or with the header given). */
function deliver(body: unknown, opts: { secret?: string; timestamp?: number; header?: string | null } = {}) {
  const payload = typeof body === 'string' ? body : JSON.stringify(body);
  const header =
    opts.header === undefined
      ? Stripe.webhooks.generateTestHeaderString({ payload, secret: opts.secret ?? SECRET, timestamp: opts.timestamp })
      : opts.header;
  return h.app.inject({
    method: 'POST',
    url: '/api/v1/billing/stripe/webhook',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Stripe/1.0 (+https://stripe.com/docs/webhooks)',
      ...(header === null ? {} : { 'stripe-signature': header }),
    },
    payload,
  });
}

const subscriptionObject = (over: Record<string, unknown> = {}) => ({
  id: 'sub_1',
  object: 'subscription',
  customer: 'cus_1',
  status: 'active',
  cancel_at_period_end: false,
  canceled_at: null,
  ended_at: null,
  items: { data: [{ price: { id: 'price_team' }, current_period_end: base + 30 * 86_400 }] },
  ...over,
});

async function orgWithCheckout(): Promise<Caller & { email: string; ids: { sub: string; cus: string } }> {
  const admin = await signUpOrg(h);
  const ids = { sub: `sub_${randomUUID().slice(0, 8)}`, cus: `cus_${randomUUID().slice(0, 8)}` };
  const res = await deliver(
    event('checkout.session.completed', {
      id: 'cs_1',
      object: 'checkout.session',
      client_reference_id: admin.me!.org.id,
      customer: ids.cus,
      subscription: ids.sub,
    }),
  );
  expect(res.json()).toEqual({ received: true, outcome: 'applied' });
  return { ...admin, ids };
}

const subscription = async (who: Caller) => (await call(h, who, 'GET', '/subscription')).json();

describe('the Stripe webhook', () => {
  it('links a checkout to its org, then applies the subscription: plan from the price, period end, status', async () => {
    base = now();
    const admin = await orgWithCheckout();
    const res = await deliver(
      event(
        'customer.subscription.updated',
        subscriptionObject({ id: admin.ids.sub, customer: admin.ids.cus }),
        base + 1,
      ),
    );
    expect(res.statusCode).toBe(200);
    expect(res.json().outcome).toBe('applied');
    expect(await subscription(admin)).toMatchObject({
      plan: 'team',
      status: 'active',
      currentPeriodEnd: new Date((base + 30 * 86_400) * 1000).toISOString(),
      seats: { used: 1, limit: 25 },
      readOnly: false,
    });
    const entries = await auditEvents(h, admin, '&action=subscription.stripe_event');
    expect(entries).toHaveLength(2);
    expect(entries[1]!.changes).toMatchObject({
      stripeCustomerId: { before: null, after: admin.ids.cus },
      stripeSubscriptionId: { before: null, after: admin.ids.sub },
    });
    expect(entries[0]!.actor.name).toBe('Stripe');
    expect(entries[0]!.changes).toMatchObject({ plan: { before: 'enterprise', after: 'team' } });
  });

  it('answers a replay 200 without acting, and never lets an older event roll state back', async () => {
    base = now();
    const admin = await orgWithCheckout();
    const own = { id: admin.ids.sub, customer: admin.ids.cus };
    const failed = event(
      'invoice.payment_failed',
      { id: 'in_1', customer: admin.ids.cus, subscription: admin.ids.sub },
      base + 20,
    );
    expect((await deliver(failed)).json().outcome).toBe('applied');
    expect((await subscription(admin)).status).toBe('past_due');
    const before = (await auditEvents(h, admin)).length;
    const replay = await deliver(failed);
    expect(replay.statusCode).toBe(200);
    expect(replay.json().outcome).toBe('replayed');
    expect(await auditEvents(h, admin)).toHaveLength(before);

    // Created before the payment failure, delivered after it: recorded, not applied.
    const older = event('customer.subscription.updated', subscriptionObject(own), base + 10);
    expect((await deliver(older)).json().outcome).toBe('stale');
    expect((await subscription(admin)).status).toBe('past_due');
    const newer = event('customer.subscription.updated', subscriptionObject(own), base + 30);
    expect((await deliver(newer)).json().outcome).toBe('applied');
    expect((await subscription(admin)).status).toBe('active');
  });

  it('cancels at the period end (still writable), then turns read-only when Stripe ends it, telling the administrators', async () => {
    base = now();
    const admin = await orgWithCheckout();
    const own = { id: admin.ids.sub, customer: admin.ids.cus };
    const end = base + 10 * 86_400;
    const periodItems = { data: [{ price: { id: 'price_business' }, current_period_end: end }] };
    await deliver(
      event(
        'customer.subscription.updated',
        subscriptionObject({ ...own, cancel_at_period_end: true, canceled_at: base, items: periodItems }),
        base + 1,
      ),
    );
    expect(await subscription(admin)).toMatchObject({
      plan: 'business',
      status: 'cancelled',
      accessUntil: new Date(end * 1000).toISOString(),
      readOnly: false,
    });
    expect((await call(h, admin, 'POST', '/partners', { name: 'Still writable', type: 'both' })).statusCode).toBe(201);

    await deliver(
      event(
        'customer.subscription.deleted',
        subscriptionObject({ ...own, status: 'canceled', canceled_at: base, ended_at: base, items: periodItems }),
        base + 2,
      ),
    );
    expect(await subscription(admin)).toMatchObject({ status: 'cancelled', readOnly: true });
    expectProblem(
      await call(h, admin, 'POST', '/partners', { name: 'Too late', type: 'both' }),
      403,
      'account_read_only',
    );
    await h.sink.until(() =>
      h.sink.messages.some((m) => m.to.includes(admin.email) && m.subject.includes('read-only')),
    );
  });

  it('refuses unsigned, wrongly signed, tampered and stale events with 400; ignores unknown types and orgs', async () => {
    base = now();
    const admin = await signUpOrg(h);
    const body = event('customer.subscription.updated', subscriptionObject({ id: 'sub_nobody' }));
    const payload = JSON.stringify(body);
    const unsigned = expectProblem(await deliver(body, { header: null }), 400, 'bad_request');
    expect(unsigned.detail).toContain('Stripe-Signature');
    expectProblem(await deliver(body, { secret: 'whsec_someone_else' }), 400, 'bad_request');
    expectProblem(await deliver(body, { header: 'garbage' }), 400, 'bad_request');
    const signed = Stripe.webhooks.generateTestHeaderString({ payload, secret: SECRET });
    expectProblem(await deliver(payload.replace('sub_nobody', 'sub_somebody'), { header: signed }), 400, 'bad_request');
    // Re-serialized with other whitespace: the bytes differ, so the signature does not hold.
    expectProblem(await deliver(JSON.stringify(body, null, 2), { header: signed }), 400, 'bad_request');
    const stale = expectProblem(await deliver(body, { timestamp: now() - 600 }), 400, 'bad_request');
    expect(stale.detail).toContain('tolerance');

    expect((await deliver(event('customer.created', { id: 'cus_new' }))).json()).toEqual({
      received: true,
      outcome: 'ignored',
    });
    expect((await deliver(body)).json().outcome).toBe('ignored');
    const foreign = event('checkout.session.completed', { client_reference_id: randomUUID(), customer: 'cus_x' });
    expect((await deliver(foreign)).json().outcome).toBe('ignored');
    expect(
      (await deliver(event('checkout.session.completed', { client_reference_id: 'not-an-org' }))).json().outcome,
    ).toBe('ignored');
    expect((await subscription(admin)).status).toBe('trialing');
  });

  it('shows the Payment Links with the org and e-mail filled in, and the customer portal', async () => {
    const admin = await signUpOrg(h);
    const sub = await subscription(admin);
    const team = new URL(sub.checkoutLinks.find((l: { plan: string }) => l.plan === 'team').url);
    expect(team.origin + team.pathname).toBe('https://buy.stripe.com/test_team');
    expect(team.searchParams.get('client_reference_id')).toBe(admin.me!.org.id);
    expect(team.searchParams.get('prefilled_email')).toBe(admin.email);
    expect(sub.portalUrl).toBe('https://billing.stripe.com/p/login/test_portal');
  });
});

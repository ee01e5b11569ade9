import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/terms/dates.js';
import { type Caller, call, defaultUnit, expectProblem, PASSWORD } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { startTestIdp, type TestIdp } from '../../test/oidc-provider.js';
import { linkIn } from '../../test/smtp-sink.js';
import { addReminder, at, contractWithDeadline, quietOrg } from '../reminders/engine/engine.fixtures.js';
import { runReminders } from '../reminders/engine/run.js';
import { entraCreateUser, expectScimError, scim } from '../scim/scim.test-kit.js';
import { APP, callback, connectOrg, loggedData, REDIRECT_URI, throughIdp } from '../sso/sso.fixtures.js';
import { setPlanAsOperator } from './subscriptions.fixtures.js';

let h: Harness;
let idp: TestIdp;
beforeAll(async () => {
  h = await startHarness();
  idp = await startTestIdp(REDIRECT_URI);
});
afterAll(async () => {
  await idp.close();
  await h.close();
});

const CONFIRM = { confirm: true };

/** An org on the starter plan (5 seats) whose administrator has invited 4 people: every seat taken. */
async function fullOrg(): Promise<Caller & { me: { org: { id: string } } }> {
  const admin = await quietOrg(h);
  await setPlanAsOperator(h, admin.me.org.id, { plan: 'starter' });
  for (let n = 0; n < 4; n++) {
    const res = await call(h, admin, 'POST', '/users/invitations', { email: `full-${n}-${Math.random()}@example.com` });
    expect(res.statusCode).toBe(201);
  }
  return admin;
}

describe('the seat limit', () => {
  it('refuses a SCIM user beyond the plan', async () => {
    const admin = await fullOrg();
    const token = (await call(h, admin, 'POST', '/settings/scim/token')).json().secret;
    const res = await scim(h, token, 'POST', '/Users', entraCreateUser(`scim-${Math.random()}@example.com`, 'ext-1'));
    expect(expectScimError(res, 409).detail).toContain('seats');
  });

  it('refuses just-in-time membership beyond the plan, logged, and into a read-only account', async () => {
    const admin = await fullOrg();
    const { domain } = await connectOrg(h, idp, admin, { role: 'editor', businessUnitId: defaultUnit(admin) });
    const email = `late@${domain}`;
    idp.accounts.set(`late-${domain}`, { sub: `sub-late-${domain}`, email, email_verified: true, name: 'Lee Late' });
    const flow = await throughIdp(h, email, `late-${domain}`);
    const res = await callback(h, flow.url, flow.cookie);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe(`${APP}/sso-error`);
    expect(location.searchParams.get('code')).toBe('seat_limit_reached');
    const reasons = (await loggedData(h, admin.me.org.id, 'auth.sso_failed')).map((e) => e.data.reason);
    expect(reasons).toEqual(['seat_limit_reached']);

    // Read-only: no newcomer joins, whatever the seats.
    await setPlanAsOperator(h, admin.me.org.id, { plan: 'enterprise', status: 'cancelled' });
    const again = await throughIdp(h, email, `late-${domain}`);
    const refused = new URL((await callback(h, again.url, again.cookie)).headers.location as string);
    expect(refused.searchParams.get('code')).toBe('account_read_only');
  });
});

describe('a read-only account', () => {
  it('sends no reminders while read-only, and again once reactivated', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me.org.id;
    const { contract, event } = await contractWithDeadline(h, admin);
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    const day = addDays(event.date, -30);
    expect((await call(h, admin, 'POST', '/subscription/cancel', CONFIRM)).statusCode).toBe(200);
    const stopped = await runReminders(h.app.deps, { orgId, asOf: at(day, '08:00') });
    expect(stopped).toMatchObject({ readOnly: 1, occurrences: 0, deliveries: 0, sent: 0, errors: 0 });
    expect((await call(h, admin, 'POST', '/subscription/reactivate')).statusCode).toBe(200);
    const resumed = await runReminders(h.app.deps, { orgId, asOf: at(day, '08:00') });
    expect(resumed).toMatchObject({ readOnly: 0, occurrences: 1, deliveries: 1, sent: 1 });
  });

  it('takes no new member through an invitation link, and no SCIM change; SCIM still reads', async () => {
    const admin = await quietOrg(h);
    const email = `invitee-${Math.random()}@example.com`;
    expect((await call(h, admin, 'POST', '/users/invitations', { email })).statusCode).toBe(201);
    const token = linkIn(await h.sink.waitFor((m) => m.to.includes(email))).split('/invite/')[1]!;
    const scimToken = (await call(h, admin, 'POST', '/settings/scim/token')).json().secret;
    expect((await call(h, admin, 'POST', '/subscription/cancel', CONFIRM)).statusCode).toBe(200);

    const accept = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Ivy', password: PASSWORD });
    expect(expectProblem(accept, 403, 'account_read_only').reason).toBe('cancelled');
    expectScimError(
      await scim(h, scimToken, 'POST', '/Users', entraCreateUser(`s-${Math.random()}@example.com`, 'x')),
      403,
    );
    expect((await scim(h, scimToken, 'GET', '/Users')).statusCode).toBe(200);

    expect((await call(h, admin, 'POST', '/subscription/reactivate')).statusCode).toBe(200);
    const later = await call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Ivy', password: PASSWORD });
    expect(later.statusCode).toBe(200);
  });
});

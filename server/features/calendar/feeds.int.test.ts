import { randomUUID } from 'node:crypto';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, todayIn } from '../../../common/terms/dates.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, type Res, startHarness } from '../../test/harness.js';
import { feedToken } from './feeds.token.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

// Far enough from the window's edges that the org's time zone cannot move an event across one.
const today = todayIn('UTC');

const createFeed = async (who: Caller, body: object = {}) => {
  const res = await call(h, who, 'POST', '/calendar/feeds', body);
  if (res.statusCode !== 201) throw new Error(`feed create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; name: string; url: string; createdAt: string; lastUsedAt: string | null };
};

const fetchIcal = (url: string) =>
  h.app.inject({ method: 'GET', url: new URL(url, 'http://deedbox.test').pathname, headers: { 'user-agent': 'cal' } });

/** Auto-renewing from 30 days ago, first term ending `endIn` days ahead, one month's notice. */
async function contract(who: Caller, title: string, extra: Record<string, unknown> = {}, endIn = 120) {
  const lifecycle = {
    type: 'auto_renewal',
    startDate: addDays(today, -30),
    endDate: addDays(today, endIn),
    renewalTerm: 'P1Y',
    noticePeriod: 'P1M',
    ...(extra.lifecycle as object | undefined),
  };
  const res = await call(h, who, 'POST', '/contracts', { title, reminders: [], ...extra, lifecycle });
  if (res.statusCode !== 201) throw new Error(`contract create failed: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; computed: { noticeDeadline: string | null } };
}

function parseEvents(res: Res) {
  const root = new ICAL.Component(ICAL.parse(res.body));
  return root.getAllSubcomponents('vevent').map((c) => new ICAL.Event(c));
}

const withoutRequestId = (res: Res) => {
  const { requestId: _, ...rest } = res.json() as Record<string, unknown>;
  return rest;
};

describe('calendar feeds API', () => {
  it('creates, lists and revokes the caller’s own feeds, logging each without the token', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/calendar/feeds', { name: '  Phone  ' });
    expect(created.statusCode).toBe(201);
    const feed = created.json();
    expect(feed).toMatchObject({ name: 'Phone', lastUsedAt: null });
    expect(feed.url).toBe(`http://deedbox.test/ical/${feedToken(h.config.secretKey, feed.id)}.ics`);
    const fallback = await createFeed(admin);
    expect(fallback.name).toBe('Deedbox');

    const listed = (await call(h, admin, 'GET', '/calendar/feeds')).json();
    expect(listed.items.map((f: { id: string }) => f.id)).toEqual([feed.id, fallback.id]);
    // The URL is derived, so it reads the same every time it is shown.
    expect(listed.items[0].url).toBe(feed.url);

    expect((await call(h, admin, 'DELETE', `/calendar/feeds/${feed.id}`)).statusCode).toBe(204);
    expect((await call(h, admin, 'GET', '/calendar/feeds')).json().items).toHaveLength(1);
    expectProblem(await call(h, admin, 'DELETE', `/calendar/feeds/${feed.id}`), 404, 'not_found');

    const createdLog = await auditEvents(h, admin, '&action=calendar_feed.created');
    expect(createdLog).toHaveLength(2);
    expect(createdLog.find((e) => e.objectId === feed.id)).toMatchObject({
      objectType: 'calendar_feed',
      changes: { name: { before: null, after: 'Phone' } },
    });
    const revoked = await auditEvents(h, admin, '&action=calendar_feed.revoked');
    expect(revoked).toHaveLength(1);
    expect(revoked[0]).toMatchObject({ objectType: 'calendar_feed', objectId: feed.id });
    const token = feedToken(h.config.secretKey, feed.id);
    const everything = JSON.stringify(await auditEvents(h, admin));
    expect(everything).not.toContain(token);
  });

  it('refuses bad names and an eleventh feed with a 422 naming the field and the rule', async () => {
    const admin = await signUpOrg(h);
    const first = (body: object) => call(h, admin, 'POST', '/calendar/feeds', body);
    expect(expectProblem(await first({ name: '   ' }), 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
    });
    expect(expectProblem(await first({ name: 'x'.repeat(81) }), 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
    });
    expect(expectProblem(await first({ name: 7 }), 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'name',
    });
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push((await createFeed(admin, { name: `Feed ${i}` })).id);
    expect(expectProblem(await first({}), 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'feeds',
      rule: 'max_feeds',
    });
    // Revoking one makes room again.
    await call(h, admin, 'DELETE', `/calendar/feeds/${ids[0]}`);
    expect((await first({})).statusCode).toBe(201);
    expectProblem(await call(h, admin, 'DELETE', '/calendar/feeds/not-a-uuid'), 422, 'validation_failed');
  });

  it('answers 401 without a session, 403 to an API key and 404 for another user’s or org’s feed', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const colleague = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const feed = await createFeed(admin);
    expectProblem(await call(h, null, 'GET', '/calendar/feeds'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', '/calendar/feeds', {}), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'DELETE', `/calendar/feeds/${feed.id}`), 401, 'unauthenticated');

    const key = await call(h, admin, 'POST', '/api-keys', { name: 'CI', role: 'administrator', businessUnitIds: null });
    const bearer = { bearer: key.json().token as string };
    expectProblem(await call(h, bearer, 'GET', '/calendar/feeds'), 403, 'forbidden');
    expectProblem(await call(h, bearer, 'POST', '/calendar/feeds', {}), 403, 'forbidden');
    expectProblem(await call(h, bearer, 'DELETE', `/calendar/feeds/${feed.id}`), 403, 'forbidden');

    // Every user sees and revokes only their own feeds, administrators included.
    expect((await call(h, colleague, 'GET', '/calendar/feeds')).json().items).toEqual([]);
    expectProblem(await call(h, colleague, 'DELETE', `/calendar/feeds/${feed.id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/calendar/feeds/${feed.id}`), 404, 'not_found');
    expect((await call(h, stranger, 'GET', '/calendar/feeds')).json().items).toEqual([]);
    const own = await createFeed(colleague);
    expectProblem(await call(h, admin, 'DELETE', `/calendar/feeds/${own.id}`), 404, 'not_found');
    expect((await call(h, admin, 'GET', '/calendar/feeds')).json().items).toHaveLength(1);
    expect(await auditEvents(h, admin, '&action=calendar_feed.revoked')).toHaveLength(0);
  });
});

describe('GET /ical/{token}.ics', () => {
  it('serves the user’s events as RFC 5545 that ical.js reads back', async () => {
    const admin = await signUpOrg(h);
    const partner = await call(h, admin, 'POST', '/partners', { name: 'Müller, Söhne & Co; KG', type: 'supplier' });
    const lease = await contract(admin, 'Office lease', { contractNumber: 'CT-77', partnerId: partner.json().id });
    await contract(admin, 'Maintenance', { lifecycle: { type: 'fixed', renewalTerm: null, noticePeriod: null } }, 200);
    const feed = await createFeed(admin, { name: 'Deedbox Legal' });

    const res = await fetchIcal(feed.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
    for (const line of res.body.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    const unfolded = res.body.replace(/\r\n /g, '');
    for (const line of ['X-WR-CALNAME:Deedbox Legal', 'REFRESH-INTERVAL;VALUE=DURATION:PT4H', 'X-PUBLISHED-TTL:PT4H']) {
      expect(unfolded).toContain(`${line}\r\n`);
    }

    const events = parseEvents(res);
    expect(events).toHaveLength(5);
    const byDate = new Map(events.map((e) => [`${e.startDate.toString()} ${e.summary}`, e]));
    const end = addDays(today, 120);
    const notice = lease.computed.noticeDeadline!;
    expect(notice > today && notice < end).toBe(true);
    expect(byDate.get(`${addDays(today, -30)} Start — Office lease`)).toBeDefined();
    expect(byDate.get(`${addDays(end, 1)} Renewal — Office lease`)).toBeDefined();
    const fixedEnd = byDate.get(`${addDays(today, 200)} End — Maintenance`)!;
    expect(fixedEnd.endDate.toString()).toBe(addDays(today, 201));
    const deadline = byDate.get(`${notice} Notice deadline — Office lease`)!;
    expect(deadline.startDate.isDate).toBe(true);
    expect(deadline.endDate.toString()).toBe(addDays(notice, 1));
    expect(deadline.uid).toMatch(/^[0-9a-f-]{36}@deedbox$/);
    expect(deadline.description).toBe(
      `Contract: Office lease (CT-77)\nPartner: Müller, Söhne & Co; KG\nhttp://deedbox.test/contracts/${lease.id}`,
    );
    expect(deadline.component.getFirstPropertyValue('url')).toBe(`http://deedbox.test/contracts/${lease.id}`);
    expect(deadline.component.getFirstPropertyValue('categories')).toBe('Notice deadline');
    expect(deadline.component.getFirstPropertyValue('dtstamp')).toBeTruthy();

    // UIDs stay put between fetches, so clients update events instead of duplicating them.
    const again = parseEvents(await fetchIcal(feed.url));
    expect(again.map((e) => e.uid).sort()).toEqual(events.map((e) => e.uid).sort());
  });

  it('keeps to the window, leaves deleted contracts out and speaks the user’s language', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'PATCH', '/me', { locale: 'de' });
    await contract(admin, 'Mietvertrag');
    const gone = await contract(admin, 'Deleted');
    expect((await call(h, admin, 'DELETE', `/contracts/${gone.id}`)).statusCode).toBe(204);
    // Starts 30 days ago (inside); its deadline and renewal lie more than 24 months ahead (outside).
    await contract(admin, 'Far away', {}, 30 * 31);
    // Started 430 days ago (outside), ended 330 days ago (inside).
    const old = { type: 'fixed', startDate: addDays(today, -430), renewalTerm: null, noticePeriod: null };
    await contract(admin, 'Old', { lifecycle: old }, -330);
    const feed = await createFeed(admin);
    const events = parseEvents(await fetchIcal(feed.url));
    expect(events.map((e) => e.summary).sort()).toEqual([
      'Beginn — Far away',
      'Beginn — Mietvertrag',
      'Ende — Old',
      'Letzter Kündigungstag — Mietvertrag',
      'Verlängerung — Mietvertrag',
    ]);
  });

  it('applies the user’s business units as they are now and stops for locked or removed members', async () => {
    const admin = await signUpOrg(h);
    const unitB = (await call(h, admin, 'POST', '/business-units', { name: 'Unit B' })).json().id as string;
    await contract(admin, 'Visible A');
    await contract(admin, 'Hidden B', { businessUnitId: unitB });
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const feed = await createFeed(viewer);
    const titles = async () =>
      [...new Set(parseEvents(await fetchIcal(feed.url)).map((e) => e.summary.split(' — ')[1]))].sort();
    expect(await titles()).toEqual(['Visible A']);
    const adminFeed = await createFeed(admin);
    expect(parseEvents(await fetchIcal(adminFeed.url))).toHaveLength(6);

    // Roles are read on every fetch: a new role shows unit B at once.
    const roles = { [defaultUnit(admin)]: 'viewer', [unitB]: 'viewer' };
    const patched = await call(h, admin, 'PUT', `/users/${viewer.id}/roles`, { isAdmin: false, roles });
    expect(patched.statusCode).toBe(200);
    expect(await titles()).toEqual(['Hidden B', 'Visible A']);

    const before = withoutRequestId(await fetchIcal(adminFeed.url.replace(/[^/]+\.ics$/, 'unknown.ics')));
    expect((await call(h, admin, 'POST', `/users/${viewer.id}/lock`)).statusCode).toBe(200);
    const locked = await fetchIcal(feed.url);
    expectProblem(locked, 404, 'not_found');
    expect(withoutRequestId(locked)).toEqual(before);
    expect((await call(h, admin, 'POST', `/users/${viewer.id}/unlock`)).statusCode).toBe(200);
    expect((await fetchIcal(feed.url)).statusCode).toBe(200);
    expect((await call(h, admin, 'DELETE', `/users/${viewer.id}`)).statusCode).toBe(204);
    expect(withoutRequestId(expectProblemRes(await fetchIcal(feed.url)))).toEqual(before);
  });

  it('answers revoked, unknown, altered and malformed tokens with the same 404', async () => {
    const admin = await signUpOrg(h);
    const feed = await createFeed(admin);
    const revoked = await createFeed(admin);
    await call(h, admin, 'DELETE', `/calendar/feeds/${revoked.id}`);
    const token = feed.url.split('/ical/')[1]!.replace('.ics', '');
    const altered = token.slice(0, 20) + (token[20] === 'A' ? 'B' : 'A') + token.slice(21);
    const paths = [
      revoked.url,
      `/ical/${feedToken(h.config.secretKey, randomUUID())}.ics`,
      `/ical/${altered}.ics`,
      `/ical/${token}`,
      `/ical/${token}.ics.ics`,
      `/ical/${'A'.repeat(300)}.ics`,
      '/ical/',
      `/ical/${token.slice(0, 30)}.ics`,
    ];
    const bodies = [];
    for (const path of paths) bodies.push(withoutRequestId(expectProblemRes(await fetchIcal(path))));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect((await fetchIcal(feed.url)).statusCode).toBe(200);
  });

  it('records when a feed was used, and its download at most once an hour', async () => {
    const admin = await signUpOrg(h);
    await contract(admin, 'Lease');
    const feed = await createFeed(admin, { name: 'Laptop' });
    await fetchIcal(feed.url);
    await fetchIcal(feed.url);
    await fetchIcal(feed.url);
    const listed = (await call(h, admin, 'GET', '/calendar/feeds')).json().items[0];
    expect(listed.lastUsedAt).not.toBeNull();
    const fetched = await auditEvents(h, admin, '&action=calendar_feed.fetched');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatchObject({
      objectType: 'calendar_feed',
      objectId: feed.id,
      actor: { id: admin.me.user?.id },
    });
    expect(JSON.stringify(fetched)).not.toContain(feed.url.split('/ical/')[1]!.replace('.ics', ''));
  });
});

function expectProblemRes(res: Res): Res {
  expectProblem(res, 404, 'not_found');
  return res;
}

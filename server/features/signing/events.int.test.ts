import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnvelopeEvent } from '../../../common/schemas/signing-events.js';
import { addMember, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { mailTo, readyDraft, tokenIn } from './signflow.fixtures.js';

let h: Harness;
let admin: Caller & { email: string };
let viewer: Caller;
let outsider: Caller;
let other: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
  outsider = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'none' } });
  other = await signUpOrg(h, 'Other GmbH');
});
afterAll(() => h.close());

describe('GET /envelopes/:id/events', () => {
  it('lists the evidence in order, with recipient, member, address and browser, and no token or value', async () => {
    const { envelope, emails } = await readyDraft(h, admin);
    expect((await call(h, admin, 'POST', `/envelopes/${envelope.id}/send`)).statusCode).toBe(200);
    const token = tokenIn(await mailTo(h, admin, emails[0], /sign/));
    expect((await call(h, null, 'POST', `/signing/${token}/viewed`)).statusCode).toBe(200);

    const res = await call(h, viewer, 'GET', `/envelopes/${envelope.id}/events`);
    expect(res.statusCode, res.body).toBe(200);
    const items = (res.json() as { items: EnvelopeEvent[] }).items;
    const kinds = items.map((e) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['created', 'sent']);
    expect(kinds).toContain('viewed');
    const sent = items.find((e) => e.kind === 'sent')!;
    expect(sent).toMatchObject({ actorName: admin.me!.user!.name, recipientId: null, userAgent: 'vitest' });
    const viewed = items.find((e) => e.kind === 'viewed')!;
    expect(viewed).toMatchObject({
      recipientName: 'Jürgen Groß',
      recipientEmail: emails[0],
      actorName: null,
      ip: h.ip,
      userAgent: 'vitest',
    });
    expect(Object.keys(viewed).sort()).toEqual(
      ['actorName', 'at', 'id', 'ip', 'kind', 'recipientEmail', 'recipientId', 'recipientName', 'userAgent'].sort(),
    );
    expect(res.body).not.toContain(token);
    const times = items.map((e) => Date.parse(e.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
  });

  it('refuses a bad id, callers without a session, other orgs and members who cannot read the document', async () => {
    const { envelope } = await readyDraft(h, admin);
    const path = `/envelopes/${envelope.id}/events`;
    expect((await call(h, admin, 'GET', path)).statusCode).toBe(200);
    const bad = expectProblem(await call(h, admin, 'GET', '/envelopes/not-a-uuid/events'), 422, 'validation_failed');
    expect(bad.errors?.[0]?.field).toMatch(/id$/);
    expectProblem(await call(h, null, 'GET', path), 401, 'unauthenticated');
    expectProblem(await call(h, other, 'GET', path), 404, 'not_found');
    expectProblem(await call(h, outsider, 'GET', path), 404, 'not_found');
    expectProblem(await call(h, admin, 'GET', `/envelopes/${crypto.randomUUID()}/events`), 404, 'not_found');
  });
});

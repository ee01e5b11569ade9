import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  auditEvents,
  type Caller,
  call,
  confirmSignUp,
  PASSWORD,
  signUpOrg,
  uniqueEmail,
  uploadImport,
} from '../test/api.js';
import { type Harness, startHarness } from '../test/harness.js';
import { linkIn } from '../test/smtp-sink.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const future = { type: 'fixed', startDate: '2090-01-01', endDate: '2090-12-31' };

/**
 * Every create whose input fills a unique key, asked ten times at once with the same body. The
 * schema's unique indexes (server/db/schema): categories_name_key, org_units_name_key,
 * business_units_name_key, custom_fields_key_key, contracts_number_key, users_email_key and the
 * memberships key (invitations, sign-up) are covered here. The rest hold server-made values
 * (ids, random token hashes), are written by upsert (mail templates, audit head, number
 * counters) or by the system (events_system_key, reminders_expiry_key, deliveries, occurrences).
 */
const CREATES: { name: string; field: string; path: string; body: () => object; asAdmin?: boolean }[] = [
  { name: 'category', field: 'name', path: '/categories', body: () => ({ name: 'Leases', kind: 'contract' }) },
  { name: 'organizational unit', field: 'name', path: '/org-units', body: () => ({ name: 'Finance' }) },
  { name: 'business unit', field: 'name', path: '/business-units', body: () => ({ name: 'Retail' }) },
  {
    name: 'custom field',
    field: 'key',
    path: '/custom-fields',
    body: () => ({ entity: 'contract', label: 'Cost centre', type: 'text' }),
  },
  {
    name: 'contract with a number',
    field: 'contractNumber',
    path: '/contracts',
    body: () => ({ title: 'Lease', contractNumber: 'CT-7', lifecycle: future }),
  },
];

type Answer = { status: number; code?: string; reason?: string; errors?: { field: string; rule: string }[] };

async function tenAtOnce(send: () => ReturnType<typeof call>): Promise<Answer[]> {
  const responses = await Promise.all(Array.from({ length: 10 }, send));
  return responses.map((res) => {
    const body = res.json() as Omit<Answer, 'status'>;
    if (res.statusCode >= 400) {
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    return { status: res.statusCode, code: body.code, reason: body.reason, errors: body.errors };
  });
}

/** One wins; the others hear that the value is taken: 409 while they raced the winner, 422 once it had committed. */
function expectOneWinner(answers: Answer[], field: string) {
  expect(answers.filter((a) => a.status === 500)).toEqual([]);
  expect(answers.filter((a) => a.status === 201 || a.status === 200)).toHaveLength(1);
  for (const a of answers.filter((x) => x.status >= 400)) {
    if (a.status === 409) expect(a).toMatchObject({ code: 'conflict', errors: [{ field, rule: 'unique' }] });
    else expect(a).toMatchObject({ status: 422, errors: [{ field }] });
  }
}

describe('ten identical creates at once', () => {
  for (const create of CREATES) {
    it(`${create.name}: one 201, the rest 409 or 422 naming ${create.field}, never 500`, async () => {
      const admin = await signUpOrg(h);
      const answers = await tenAtOnce(() => call(h, admin, 'POST', create.path, create.body()));
      expectOneWinner(answers, create.field);
    });
  }

  it('invitation: one 201, the rest name the e-mail, never 500', async () => {
    const admin: Caller = await signUpOrg(h);
    const email = uniqueEmail('invitee');
    const answers = await tenAtOnce(() => call(h, admin, 'POST', '/users/invitations', { email, roles: {} }));
    expectOneWinner(answers, 'email');
  });

  it('sign-up: every answer the same 202, one account made from the link, never 500', async () => {
    const email = uniqueEmail('founder');
    const body = { name: 'Ada', email, password: PASSWORD, companyName: 'Race GmbH' };
    const answers = await tenAtOnce(() => call(h, null, 'POST', '/auth/sign-up', body));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(202));
    const signedIn = await confirmSignUp(h, email);
    expect(signedIn.json()).toMatchObject({ org: { name: 'Race GmbH' } });
  });
});

describe('one-time steps taken ten times at once', () => {
  it('an invitation link signs in once: one 200, the rest 404 like any used link', async () => {
    const admin = await signUpOrg(h, 'Accept Race GmbH');
    const email = uniqueEmail('racer');
    expect((await call(h, admin, 'POST', '/users/invitations', { email, roles: {} })).statusCode).toBe(201);
    const token = linkIn(await h.sink.waitFor((m) => m.to.includes(email))).split('/invite/')[1]!;
    const answers = await tenAtOnce(() =>
      call(h, null, 'POST', `/invitations/${token}/accept`, { name: 'Racer', password: PASSWORD }),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(9).fill(404)]);
    const accepted = await auditEvents(h, admin, '&action=user.invitation_accepted');
    expect(accepted).toHaveLength(1);
  });

  it('an import commits once: one 200, the rest 409 import_committed, each row imported once', async () => {
    const admin = await signUpOrg(h, 'Commit Race GmbH');
    const csv = 'Title;Start date;End date\nRace lease;2030-01-01;2030-12-31\nRace cleaning;2030-02-01;2030-12-31';
    const up = await uploadImport(h, admin, csv, { query: 'entity=contract&fileName=race.csv' });
    expect(up.statusCode, up.body).toBe(201);
    const { id, suggestedMapping: mapping } = up.json();
    const checked = await call(h, admin, 'POST', `/imports/${id}/check`, { mapping, options: {} });
    expect(checked.json()).toMatchObject({ errorCount: 0 });
    const answers = await tenAtOnce(() => call(h, admin, 'POST', `/imports/${id}/commit`, {}));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const a of answers.filter((x) => x.status !== 200)) {
      expect(a).toMatchObject({ status: 409, code: 'conflict', reason: 'import_committed' });
    }
    const list = (await call(h, admin, 'GET', '/contracts?q=Race')).json();
    expect(list.items.map((c: { title: string }) => c.title).sort()).toEqual(['Race cleaning', 'Race lease']);
  });
});

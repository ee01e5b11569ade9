import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, PASSWORD, signUpOrg, uniqueEmail } from '../test/api.js';
import { type Harness, startHarness } from '../test/harness.js';

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

  it('sign-up: one 201, the rest name the e-mail, never 500', async () => {
    const email = uniqueEmail('founder');
    const body = { name: 'Ada', email, password: PASSWORD, companyName: 'Race GmbH' };
    const answers = await tenAtOnce(() => call(h, null, 'POST', '/auth/sign-up', body));
    expectOneWinner(answers, 'email');
  });
});

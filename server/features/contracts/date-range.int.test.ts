import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addField, future, newContract } from './contracts.fixtures.js';

let h: Harness;
let admin: Caller;
let contractId: string;
beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  await addField(h, admin, { key: 'signed', type: 'date' });
  contractId = (await newContract(h, admin)).id;
});
afterAll(() => h.close());

type Method = 'GET' | 'POST';
/** Each entry point that takes a date: where the date goes, and the field the answer must name. */
const entries: [name: string, field: string, request: (date: string) => [Method, string, unknown?]][] = [
  ['contract as of', 'asOf', (d) => ['GET', `/contracts/${contractId}?asOf=${d}`]],
  [
    'contract start',
    'lifecycle.startDate',
    (d) => [
      'POST',
      '/contracts',
      { title: 'T', lifecycle: { ...future, startDate: d, endDate: null, type: 'indefinite' } },
    ],
  ],
  [
    'contract end',
    'lifecycle.endDate',
    (d) => ['POST', '/contracts', { title: 'T', lifecycle: { ...future, startDate: '1900-01-01', endDate: d } }],
  ],
  [
    'custom date field',
    'custom.signed',
    (d) => ['POST', '/contracts', { title: 'T', lifecycle: future, custom: { signed: d } }],
  ],
  ['contract list filter', 'endsFrom', (d) => ['GET', `/contracts?endsFrom=${d}`]],
  ['custom date filter', 'cf.signed.from', (d) => ['GET', `/contracts?cf.signed.from=${d}`]],
  ['custom date equality', 'cf.signed', (d) => ['GET', `/contracts?cf.signed=${d}`]],
  ['event range', 'from', (d) => ['GET', `/events?from=${d}&to=${d}`]],
  ['audit range', 'to', (d) => ['GET', `/audit?to=${d}`]],
  ['custom event', 'date', (d) => ['POST', `/contracts/${contractId}/events`, { title: 'Audit', date: d }]],
  [
    'billing line',
    'firstBillingOn',
    (d) => [
      'POST',
      `/contracts/${contractId}/billing-lines`,
      { kind: 'cost', frequency: 'monthly', amount: '10.00', currency: 'EUR', firstBillingOn: d },
    ],
  ],
  ['notice', 'givenOn', (d) => ['POST', `/contracts/${contractId}/notice`, { givenOn: d }]],
];

describe('dates outside 1900-01-01 … 2200-12-31', () => {
  for (const date of ['1899-12-31', '2201-01-01', '9999-12-31', '0000-01-01']) {
    it(`are refused with 422 naming the field: ${date}`, async () => {
      for (const [name, field, request] of entries) {
        const [method, url, body] = request(date);
        const res = await call(h, admin, method, url, body);
        expect.soft(res.statusCode, `${name}: ${res.body}`).toBe(422);
        if (res.statusCode !== 422) continue;
        const errors = expectProblem(res, 422, 'validation_failed').errors ?? [];
        const rule = date === '0000-01-01' ? 'invalid_date' : 'date_out_of_range';
        expect.soft(errors, name).toContainEqual(expect.objectContaining({ field, rule }));
      }
    });
  }

  it('accepts the first and the last day of the range', async () => {
    for (const [name, , request] of entries.filter(([name]) => name !== 'notice' && name !== 'contract start')) {
      for (const date of ['1900-01-01', '2200-12-31']) {
        const [method, url, body] = request(date);
        const res = await call(h, admin, method, url, body);
        expect.soft(res.statusCode, `${name} ${date}: ${res.body}`).toBeLessThan(300);
      }
    }
  });

  it('computes a contract as of the last day without error', async () => {
    const res = await call(h, admin, 'GET', `/contracts/${contractId}?asOf=2200-12-31`);
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as { asOf: string }).asOf).toBe('2200-12-31');
  });
});

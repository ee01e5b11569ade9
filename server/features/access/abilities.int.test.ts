import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Abilities, Me } from '../../../common/schemas/auth.js';
import { addMember, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const abilitiesOf = async (who: Caller) => {
  const res = await call(h, who, 'GET', '/me');
  expect(res.statusCode).toBe(200);
  return (res.json() as Me).abilities;
};

const NONE: Abilities = {
  manageUsers: false,
  manageBusinessUnits: false,
  manageApiKeys: false,
  viewActivity: false,
  exportAccount: false,
  manageSettings: false,
  manageLists: false,
  manageCustomFields: false,
  manageMailTemplates: false,
  manageReminderSettings: false,
  useRecycleBin: false,
  createContracts: false,
  editPartners: false,
  addListEntries: false,
  importData: false,
  readDevOutbox: false,
};
const WRITER = { ...NONE, createContracts: true, editPartners: true, addListEntries: true, importData: true };

describe('abilities in /me', () => {
  it('reports every ability for each role, as the services decide it', async () => {
    const admin = await signUpOrg(h);
    const general = defaultUnit(admin);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const viewer = await addMember(h, admin, { roles: { [general]: 'viewer' } });
    const salesEditor = await addMember(h, admin, { roles: { [general]: 'viewer', [sales]: 'editor' } });
    const nobody = await addMember(h, admin, { roles: {} });
    const keyOf = async (role: string) =>
      ({ bearer: (await call(h, admin, 'POST', '/api-keys', { name: role, role })).json().token }) as Caller;

    expect(Object.values(await abilitiesOf(admin)).every(Boolean)).toBe(true);
    expect(Object.keys(await abilitiesOf(admin)).sort()).toEqual(Object.keys(NONE).sort());
    expect(await abilitiesOf(viewer)).toEqual(NONE);
    expect(await abilitiesOf(nobody)).toEqual(NONE);
    expect(await abilitiesOf(salesEditor)).toEqual(WRITER);
    expect(await abilitiesOf(await keyOf('editor'))).toEqual(WRITER);
    expect(await abilitiesOf(await keyOf('viewer'))).toEqual(NONE);
    expectProblem(await call(h, null, 'GET', '/me'), 401, 'unauthenticated');
  });

  it('matches what the server refuses: a Viewer is refused each action its abilities deny', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const lifecycle = { type: 'fixed', startDate: '2090-01-01', endDate: '2090-12-31' };
    const refused: [string, string, unknown?][] = [
      ['POST', '/contracts', { title: 'No', lifecycle }],
      ['POST', '/partners', { name: 'No', type: 'supplier' }],
      ['POST', '/categories', { name: 'No' }],
      ['GET', '/users'],
      ['POST', '/business-units', { name: 'No' }],
      ['GET', '/api-keys'],
      ['GET', '/audit'],
      ['PATCH', '/settings/repository', { currency: 'USD' }],
      ['PATCH', '/settings/reminders', { sendHour: 9 }],
      ['GET', '/settings/mail-templates'],
      ['GET', '/contracts/recycle-bin'],
      ['GET', '/dev/outbox'],
      ['POST', '/custom-fields', { entity: 'contract', key: 'no', label: 'No', type: 'text' }],
    ];
    for (const [method, url, body] of refused) {
      const res = await call(h, viewer, method as 'GET', url, body);
      expect([url, res.statusCode]).toEqual([url, 403]);
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../../common/schemas/audit.js';
import { addMember, auditEvents, call, defaultUnit, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { idsIn } from './audit.names.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Every id an entry mentions has a name, so the screen never has to show one. */
function unnamed(events: AuditEvent[]): string[] {
  return events.flatMap((e) => [...idsIn(e.changes)].filter((id) => !(id in e.names)));
}

describe('names in the activity log and history', () => {
  it('names partners, people, categories and custom fields, current or as last recorded, without touching the chain', async () => {
    const admin = await signUpOrg(h);
    const userId = admin.me.user!.id;
    await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label: 'Budget', type: 'money' });
    const category = (await call(h, admin, 'POST', '/categories', { name: 'IT services', kind: 'contract' })).json();
    const old = (await call(h, admin, 'POST', '/partners', { name: 'Old Partner KG', type: 'supplier' })).json();
    const next = (await call(h, admin, 'POST', '/partners', { name: 'Bosch GmbH', type: 'supplier' })).json();
    const contract = await newContract(h, admin, {
      title: 'Wartung',
      partnerId: old.id,
      ownerId: userId,
      categoryId: category.id,
      custom: { budget: { amount: '1200.50', currency: 'EUR' } },
    });
    await call(h, admin, 'PATCH', `/contracts/${contract.id}`, { partnerId: next.id });
    expect((await call(h, admin, 'DELETE', `/partners/${old.id}`)).statusCode).toBe(204);
    await call(h, admin, 'PATCH', `/categories/${category.id}`, { name: 'IT & cloud' });

    const history = (await call(h, admin, 'GET', `/contracts/${contract.id}/history`)).json().items as AuditEvent[];
    const [updated, created] = history;
    expect(updated!.names).toEqual({ [old.id]: 'Old Partner KG', [next.id]: 'Bosch GmbH' });
    expect(updated!.objectName).toBe('Wartung');
    expect(created!.names).toMatchObject({ [userId]: 'Ada Admin', [category.id]: 'IT & cloud' });
    expect(created!.fieldLabels).toEqual({ budget: 'Budget' });
    expect(unnamed(history)).toEqual([]);

    const log = await auditEvents(h, admin);
    expect(log.find((e) => e.action === 'partner.deleted')!.objectName).toBe('Old Partner KG');
    expect(log.find((e) => e.action === 'category.updated')!.objectName).toBe('IT & cloud');
    expect(unnamed(log)).toEqual([]);
    expect((await call(h, admin, 'GET', '/audit/verify')).json()).toMatchObject({ intact: true });
  });

  it('does not name a contract in a business unit the reader cannot see', async () => {
    const admin = await signUpOrg(h);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const hidden = await newContract(h, admin, { title: 'Secret framework', businessUnitId: sales });
    const child = await newContract(h, admin, { title: 'Call-off' });
    await call(h, admin, 'PATCH', `/contracts/${child.id}`, { masterId: hidden.id });
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const seen = (await call(h, viewer, 'GET', `/contracts/${child.id}/history`)).json().items as AuditEvent[];
    expect(seen[0]!.changes.masterId).toEqual({ before: null, after: hidden.id });
    expect(seen[0]!.names).toEqual({});
    expect(JSON.stringify(seen)).not.toContain('Secret framework');
    const asAdmin = (await call(h, admin, 'GET', `/contracts/${child.id}/history`)).json().items as AuditEvent[];
    expect(asAdmin[0]!.names).toEqual({ [hidden.id]: 'Secret framework' });
  });
});

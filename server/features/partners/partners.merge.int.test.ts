import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { contractRow, newContract, setContract } from '../categories/classification.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

type Caller = Awaited<ReturnType<typeof signUpOrg>>;
const add = async (who: Caller, body: object) =>
  (await call(h, who, 'POST', '/partners', { type: 'supplier', ...body })).json() as { id: string };

describe('merging partners', () => {
  it('moves contracts, fills empty fields, unions contacts, deletes duplicates, logs once', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'POST', '/custom-fields', { entity: 'partner', label: 'Rating', type: 'number' });
    const keep = await add(admin, {
      name: 'Acme GmbH',
      contacts: [{ name: 'Erika', email: 'erika@acme.example' }],
    });
    const dup1 = await add(admin, {
      name: 'ACME',
      vatId: 'DE123',
      address: { city: 'Berlin', country: 'DE' },
      custom: { rating: 4 },
      contacts: [
        { name: 'Erika M.', email: 'ERIKA@acme.example' },
        { name: 'Max', email: 'max@acme.example' },
      ],
    });
    const dup2 = await add(admin, { name: 'Acme G.', vatId: 'DE999', registrationNumber: 'HRB 1' });
    const c1 = await newContract(h, admin, { partnerId: dup1.id });
    const c2 = await newContract(h, admin, { partnerId: dup2.id });
    await setContract(h, admin, c2, { deletedAt: new Date() });
    const res = await call(h, admin, 'POST', `/partners/${keep.id}/merge`, { duplicateIds: [dup1.id, dup2.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      name: 'Acme GmbH',
      vatId: 'DE123',
      registrationNumber: 'HRB 1',
      address: { city: 'Berlin', country: 'DE', street: null },
      custom: { rating: 4 },
      contractCount: 1,
    });
    expect(res.json().contacts.map((c: { email: string }) => c.email)).toEqual([
      'erika@acme.example',
      'max@acme.example',
    ]);
    expect((await call(h, admin, 'GET', `/contracts/${c1}`)).json().partnerId).toBe(keep.id);
    expectProblem(await call(h, admin, 'GET', `/partners/${dup1.id}`), 404, 'not_found');
    expect((await call(h, admin, 'GET', '/partners')).json().items.map((p: { id: string }) => p.id)).toEqual([keep.id]);
    // The contract in the recycle bin moved too: restored, it must not name a deleted partner.
    expect((await contractRow(h, admin, c2)).partnerId).toBe(keep.id);
    const events = await auditEvents(h, admin, '&action=partner.merged');
    expect(events).toHaveLength(1);
    expect(events[0]!.objectId).toBe(keep.id);
    expect(events[0]!.changes.duplicateIds).toEqual({ before: null, after: [dup1.id, dup2.id] });
    expect(events[0]!.changes.vatId).toEqual({ before: null, after: 'DE123' });
  });

  it('refuses bad input naming the field', async () => {
    const admin = await signUpOrg(h);
    const keep = await add(admin, { name: 'Keep' });
    const merge = (body: object) => call(h, admin, 'POST', `/partners/${keep.id}/merge`, body);
    expect(expectProblem(await merge({ duplicateIds: [] }), 422, 'validation_failed').errors?.[0]?.field).toBe(
      'duplicateIds',
    );
    expect(expectProblem(await merge({ duplicateIds: ['nope'] }), 422, 'validation_failed').errors?.[0]?.field).toBe(
      'duplicateIds.0',
    );
    expect(expectProblem(await merge({ duplicateIds: [keep.id] }), 422, 'validation_failed').errors?.[0]).toMatchObject(
      { field: 'duplicateIds', rule: 'self' },
    );
    expect(await auditEvents(h, admin, '&action=partner.merged')).toEqual([]);
  });

  it('lets editors merge, not viewers; another org’s ids are 404 and nothing changes; 401', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const stranger = await signUpOrg(h);
    const keep = await add(admin, { name: 'Keep' });
    const dup = await add(admin, { name: 'Dup' });
    const theirs = await add(stranger, { name: 'Theirs' });
    const body = { duplicateIds: [dup.id] };
    expectProblem(await call(h, viewer, 'POST', `/partners/${keep.id}/merge`, body), 403, 'forbidden');
    expectProblem(
      await call(h, stranger, 'POST', `/partners/${keep.id}/merge`, { duplicateIds: [theirs.id] }),
      404,
      'not_found',
    );
    const foreign = await call(h, admin, 'POST', `/partners/${keep.id}/merge`, { duplicateIds: [dup.id, theirs.id] });
    expectProblem(foreign, 404, 'not_found');
    expect((await call(h, admin, 'GET', `/partners/${dup.id}`)).statusCode).toBe(200);
    expectProblem(await call(h, null, 'POST', `/partners/${keep.id}/merge`, body), 401, 'unauthenticated');
    expect((await call(h, editor, 'POST', `/partners/${keep.id}/merge`, body)).statusCode).toBe(200);
    const [event] = await auditEvents(h, admin, '&action=partner.merged');
    expect(event!.actor.id).toBe(editor.id);
  });

  it('refuses an editor whose merge would move contracts of a unit they cannot edit, revealing none of them', async () => {
    const admin = await signUpOrg(h);
    const other = (await call(h, admin, 'POST', '/business-units', { name: 'Unit 2' })).json().id as string;
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor', [other]: 'viewer' } });
    const keep = await add(admin, { name: 'Keep' });
    const dup = await add(admin, { name: 'Dup' });
    const binned = await add(admin, { name: 'Binned' });
    const mine = await newContract(h, admin, { partnerId: dup.id });
    const theirs = await newContract(h, admin, { partnerId: dup.id, businessUnitId: other, title: 'Secret lease' });
    const inBin = await newContract(h, admin, { partnerId: binned.id, businessUnitId: other, title: 'Secret old' });
    await setContract(h, admin, inBin, { deletedAt: new Date() });
    for (const duplicateIds of [[dup.id], [binned.id]]) {
      const res = await call(h, editor, 'POST', `/partners/${keep.id}/merge`, { duplicateIds });
      const problem = expectProblem(res, 409, 'conflict');
      expect(problem.reason).toBe('partner_has_hidden_contracts');
      expect(problem.params).toBeUndefined();
      for (const secret of ['Secret', theirs, inBin]) expect(res.body).not.toContain(secret);
    }
    // Nothing moved, nothing deleted, nothing logged.
    for (const id of [mine, theirs]) expect((await contractRow(h, admin, id)).partnerId).toBe(dup.id);
    expect((await contractRow(h, admin, inBin)).partnerId).toBe(binned.id);
    expect((await call(h, admin, 'GET', `/partners/${dup.id}`)).statusCode).toBe(200);
    expect(await auditEvents(h, admin, '&action=partner.merged')).toEqual([]);
    // An administrator may write every unit, so the same merge goes through.
    const merged = await call(h, admin, 'POST', `/partners/${keep.id}/merge`, { duplicateIds: [dup.id, binned.id] });
    expect(merged.statusCode).toBe(200);
    for (const id of [mine, theirs, inBin]) expect((await contractRow(h, admin, id)).partnerId).toBe(keep.id);
  });
});

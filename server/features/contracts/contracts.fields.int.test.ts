import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCategory, addField, addOrgUnit, future, newContract, setOrg } from './contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const errorsOf = (res: Parameters<typeof expectProblem>[0]) => expectProblem(res, 422, 'validation_failed').errors;

describe('contract classification and custom fields', () => {
  it('stores category, organizational unit and custom values, and logs them', async () => {
    const admin = await signUpOrg(h);
    const category = await addCategory(h, admin, 'Lease');
    const unit = await addOrgUnit(h, admin, 'Facilities');
    await addField(h, admin, { key: 'tier', type: 'dropdown', options: ['Gold', 'Silver'] });
    await addField(h, admin, { key: 'budget', type: 'money' });
    const created = await newContract(h, admin, {
      categoryId: category,
      orgUnitId: unit,
      custom: { tier: 'Gold', budget: { amount: '1200.50', currency: 'EUR' } },
    });
    expect(created).toMatchObject({
      categoryId: category,
      orgUnitId: unit,
      custom: { budget: { amount: '1200.50', currency: 'EUR' }, tier: 'Gold' },
    });
    const event = (await auditEvents(h, admin, '&action=contract.created'))[0]!;
    expect(event.changes.custom?.after).toEqual({ budget: { amount: '1200.50', currency: 'EUR' }, tier: 'Gold' });
    expect(event.changes.categoryId?.after).toBe(category);
  });

  it('merges custom values on PATCH: null removes a key, mandatory fields are checked on the result', async () => {
    const admin = await signUpOrg(h);
    await addField(h, admin, { key: 'tier', type: 'dropdown', options: ['Gold', 'Silver'], mandatory: true });
    await addField(h, admin, { key: 'note', type: 'text' });
    const { id } = await newContract(h, admin, { custom: { tier: 'Gold', note: 'first' } });
    const patched = await call(h, admin, 'PATCH', `/contracts/${id}`, { custom: { note: null, tier: 'Silver' } });
    expect(patched.json().custom).toEqual({ tier: 'Silver' });
    const event = (await auditEvents(h, admin, '&action=contract.updated'))[0]!;
    expect(event.changes).toEqual({ custom: { before: { note: 'first', tier: 'Gold' }, after: { tier: 'Silver' } } });
    expect(errorsOf(await call(h, admin, 'PATCH', `/contracts/${id}`, { custom: { tier: null } }))).toEqual([
      expect.objectContaining({ field: 'custom.tier', rule: 'required' }),
    ]);
    // Sending the same values again changes nothing and logs nothing.
    await call(h, admin, 'PATCH', `/contracts/${id}`, { custom: { tier: 'Silver' } });
    expect(await auditEvents(h, admin, '&action=contract.updated')).toHaveLength(1);
  });

  it('reports every bad custom value at once, each naming the field and the rule', async () => {
    const admin = await signUpOrg(h);
    await addField(h, admin, { key: 'tier', type: 'dropdown', options: ['Gold'], mandatory: true });
    await addField(h, admin, { key: 'seats', type: 'number' });
    await addField(h, admin, { key: 'manager', type: 'user' });
    const res = await call(h, admin, 'POST', '/contracts', {
      title: 'Bad',
      lifecycle: future,
      custom: { seats: 'ten', colour: 'red', manager: '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b' },
    });
    const errors = errorsOf(res)!.map((e) => `${e.field}:${e.rule}`);
    expect(errors.sort()).toEqual([
      'custom.colour:unknown_field',
      'custom.manager:unknown_user',
      'custom.seats:wrong_type',
      'custom.tier:required',
    ]);
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const ok = await call(h, admin, 'POST', '/contracts', {
      title: 'Good',
      lifecycle: future,
      custom: { tier: 'Gold', manager: member.id },
    });
    expect(ok.statusCode).toBe(201);
    expect((await call(h, admin, 'GET', '/contracts')).json().items).toHaveLength(1);
  });

  it('refuses unknown categories and units, and holds contracts to a mandatory unit when next saved', async () => {
    const admin = await signUpOrg(h);
    const other = await signUpOrg(h);
    const foreign = await addCategory(h, other, 'Theirs');
    const eventCategory = await addCategory(h, admin, 'Meeting', 'event');
    const post = (body: object) => call(h, admin, 'POST', '/contracts', { title: 'X', lifecycle: future, ...body });
    expect(errorsOf(await post({ categoryId: foreign }))?.[0]).toMatchObject({
      field: 'categoryId',
      rule: 'unknown_category',
    });
    expect(errorsOf(await post({ categoryId: eventCategory }))?.[0]?.rule).toBe('unknown_category');
    expect(errorsOf(await post({ orgUnitId: await addOrgUnit(h, other, 'Theirs') }))?.[0]).toMatchObject({
      field: 'orgUnitId',
      rule: 'unknown_org_unit',
    });
    const { id } = await newContract(h, admin);
    await setOrg(h, admin, { orgUnitMandatory: true });
    expect(errorsOf(await post({}))?.[0]).toMatchObject({ field: 'orgUnitId', rule: 'required' });
    expect((await call(h, admin, 'GET', `/contracts/${id}`)).statusCode).toBe(200);
    expect(errorsOf(await call(h, admin, 'PATCH', `/contracts/${id}`, { title: 'Y' }))?.[0]).toMatchObject({
      field: 'orgUnitId',
      rule: 'required',
    });
    const unit = await addOrgUnit(h, admin, 'Legal');
    expect((await call(h, admin, 'PATCH', `/contracts/${id}`, { orgUnitId: unit })).json().orgUnitId).toBe(unit);
  });
});

describe('contract numbers', () => {
  it('allocates distinct, consecutive numbers to 20 contracts created at once', async () => {
    const admin = await signUpOrg(h);
    await setOrg(h, admin, { contractNumberPattern: 'CT-{SEQ:4}' });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        call(h, admin, 'POST', '/contracts', { title: `Parallel ${i}`, lifecycle: future }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
    const numbers = results.map((r) => r.json().contractNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `CT-${String(i + 1).padStart(4, '0')}`));
  });

  it('uses the date in the pattern, skips numbers typed by hand, and refuses edits unless editable', async () => {
    const admin = await signUpOrg(h);
    await setOrg(h, admin, { contractNumberPattern: 'X-{SEQ:2}', contractNumberEditable: true });
    const manual = await newContract(h, admin, { contractNumber: 'X-01' });
    expect(manual.contractNumber).toBe('X-01');
    expect((await newContract(h, admin)).contractNumber).toBe('X-02');
    await setOrg(h, admin, { contractNumberEditable: false });
    const given = await newContract(h, admin, { contractNumber: 'MINE' });
    expect(given.contractNumber).toBe('X-03');
    const change = await call(h, admin, 'PATCH', `/contracts/${given.id}`, { contractNumber: 'X-99' });
    expect(errorsOf(change)?.[0]).toMatchObject({ field: 'contractNumber', rule: 'not_editable' });
    const same = await call(h, admin, 'PATCH', `/contracts/${given.id}`, { contractNumber: 'X-03', title: 'T' });
    expect(same.statusCode).toBe(200);
    await setOrg(h, admin, { contractNumberPattern: 'Y-{YYYY}-{SEQ:3}' });
    expect((await newContract(h, admin)).contractNumber).toMatch(/^Y-\d{4}-001$/);
  });

  it('keeps free-text numbers unique without a pattern', async () => {
    const admin = await signUpOrg(h);
    await newContract(h, admin, { contractNumber: 'A-1' });
    const dup = await call(h, admin, 'POST', '/contracts', { title: 'X', lifecycle: future, contractNumber: 'a-1' });
    expect(errorsOf(dup)?.[0]).toMatchObject({ field: 'contractNumber', rule: 'unique' });
  });

  it('answers a number taken in a unit the caller cannot see exactly as one taken in their own', async () => {
    const admin = await signUpOrg(h);
    const other = (await call(h, admin, 'POST', '/business-units', { name: 'Unit 2' })).json().id as string;
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const hidden = await newContract(h, admin, { contractNumber: 'N-1', businessUnitId: other, title: 'Secret lease' });
    const shown = await newContract(h, admin, { contractNumber: 'N-2', title: 'Open lease' });
    const own = await newContract(h, editor, { contractNumber: 'N-3' });
    // Numbers are unique per account (the spec), so the clash itself is told; nothing else is.
    const answer = async (method: 'POST' | 'PATCH', number: string) => {
      const res =
        method === 'POST'
          ? await call(h, editor, 'POST', '/contracts', { title: 'X', lifecycle: future, contractNumber: number })
          : await call(h, editor, 'PATCH', `/contracts/${own.id}`, { contractNumber: number });
      const { requestId, ...body } = expectProblem(res, 422, 'validation_failed') as { requestId?: string };
      for (const secret of [hidden.id, shown.id, 'Secret', 'Open lease', other]) {
        expect(JSON.stringify(body)).not.toContain(secret);
      }
      return JSON.stringify(body).replaceAll(number, '<number>');
    };
    for (const method of ['POST', 'PATCH'] as const) {
      expect(await answer(method, 'n-1')).toBe(await answer(method, 'n-2'));
    }
  });
});

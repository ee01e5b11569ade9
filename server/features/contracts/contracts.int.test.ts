import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract, yearly } from './contracts.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const create = (who: Caller, body: Record<string, unknown> = {}) =>
  newContract(h, who, { title: 'Office lease', lifecycle: yearly, ...body });

describe('contracts', () => {
  it('creates a contract in the default unit with the dates terms.md promises, and logs it', async () => {
    const admin = await signUpOrg(h);
    const res = await call(h, admin, 'POST', '/contracts', {
      title: 'Office lease',
      lifecycle: yearly,
      tags: ['rent'],
    });
    expect(res.statusCode).toBe(201);
    const contract = res.json();
    expect(contract).toMatchObject({
      title: 'Office lease',
      status: 'draft',
      businessUnitId: defaultUnit(admin),
      tags: ['rent'],
      ownerId: admin.me!.user!.id,
    });
    const asOf = await call(h, admin, 'GET', `/contracts/${contract.id}?asOf=2026-11-24`);
    expect(asOf.json().computed).toMatchObject({
      currentTermStart: '2026-01-01',
      currentTermEnd: '2026-12-31',
      renewalCount: 1,
      noticeDeadline: '2027-09-30',
      earliestEndDate: '2027-12-31',
      phase: 'running',
      proof:
        'deadline 2026-09-30 passed without notice, so the contract runs to 2027-12-31; ' +
        'end 2027-12-31 − notice 3 months = 2027-09-30',
    });
    const event = (await auditEvents(h, admin, '&objectType=contract'))[0]!;
    expect(event).toMatchObject({ action: 'contract.created', objectId: contract.id });
    expect(event.changes.title).toEqual({ before: null, after: 'Office lease' });
  });

  it('makes the person who records a contract its owner unless the request names one or says null', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    expect((await create(editor)).ownerId).toBe(editor.id);
    expect((await create(editor, { ownerId: admin.me!.user!.id })).ownerId).toBe(admin.me!.user!.id);
    expect((await create(editor, { ownerId: null })).ownerId).toBeNull();
    const key = await call(h, admin, 'POST', '/api-keys', { name: 'Importer', role: 'editor' });
    expect(key.statusCode).toBe(201);
    expect((await create({ bearer: key.json().token })).ownerId).toBeNull();
  });

  it('refuses impossible lifecycles with a 422 naming the field and the rule, storing nothing', async () => {
    const admin = await signUpOrg(h);
    const cases: [Record<string, unknown>, string][] = [
      [{ ...yearly, endDate: '2024-12-31' }, 'lifecycle.endDate'],
      [{ type: 'fixed', startDate: '2025-01-01', endDate: '2025-12-31', renewalTerm: 'P1Y' }, 'lifecycle.renewalTerm'],
      [{ ...yearly, renewalTerm: 'P0M' }, 'lifecycle.renewalTerm'],
      [{ ...yearly, noticePeriod: 'P1M2D' }, 'lifecycle.noticePeriod'],
      [{ ...yearly, startDate: '2025-02-30' }, 'lifecycle.startDate'],
      [{ ...yearly, initialTerm: 'P1Y' }, 'lifecycle'],
      [{ ...yearly, noticePeriod: 'P2Y' }, 'lifecycle.noticePeriod'],
    ];
    for (const [lifecycle, field] of cases) {
      const res = await call(h, admin, 'POST', '/contracts', { title: 'Bad', lifecycle });
      const problem = expectProblem(res, 422, 'validation_failed');
      expect(problem.errors?.some((e) => e.field === field || e.field.startsWith(`${field}.`))).toBe(true);
    }
    expect((await call(h, admin, 'GET', '/contracts')).json().items).toEqual([]);
  });

  it('records notice: the contract is terminated and ends with the term the notice met', async () => {
    const admin = await signUpOrg(h);
    const { id } = await create(admin);
    const res = await call(h, admin, 'POST', `/contracts/${id}/notice`, { givenOn: '2026-09-30' });
    expect(res.statusCode).toBe(200);
    expect(res.json().status).toBe('terminated');
    const after = (await call(h, admin, 'GET', `/contracts/${id}?asOf=2026-10-01`)).json();
    expect(after.computed).toMatchObject({ endsOn: '2026-12-31', phase: 'notice_given' });
    const late = await call(h, admin, 'POST', `/contracts/${id}/notice`, { givenOn: '2024-01-01' });
    expect(expectProblem(late, 422, 'validation_failed').errors?.[0]?.field).toBe('givenOn');
    expect(await auditEvents(h, admin, '&action=contract.notice_recorded')).toHaveLength(1);
  });

  it('updates fields, logging before and after, and refuses master cycles and duplicate numbers', async () => {
    const admin = await signUpOrg(h);
    const master = await create(admin, { title: 'Framework agreement', contractNumber: 'CT-1' });
    const child = await create(admin, { title: 'Call-off 1', masterId: master.id });
    const patched = await call(h, admin, 'PATCH', `/contracts/${child.id}`, { title: 'Call-off 01', status: 'active' });
    expect(patched.json()).toMatchObject({ title: 'Call-off 01', status: 'active', masterId: master.id });
    const event = (await auditEvents(h, admin, '&action=contract.updated'))[0]!;
    expect(event.changes).toEqual({
      title: { before: 'Call-off 1', after: 'Call-off 01' },
      status: { before: 'draft', after: 'active' },
    });
    const cycle = await call(h, admin, 'PATCH', `/contracts/${master.id}`, { masterId: child.id });
    expect(expectProblem(cycle, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'masterId',
      rule: 'cycle',
    });
    const dup = await call(h, admin, 'PATCH', `/contracts/${child.id}`, { contractNumber: 'ct-1' });
    expect(expectProblem(dup, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'contractNumber',
      rule: 'unique',
    });
  });

  it('lists visible contracts with filters, sorted by notice deadline, with a cursor', async () => {
    const admin = await signUpOrg(h);
    // Terms far in the future keep the order independent of the day the test runs.
    const future = { ...yearly, startDate: '2099-01-01', endDate: '2099-12-31' };
    await create(admin, { title: 'Lease', lifecycle: { ...future, noticePeriod: 'P1M' } });
    await create(admin, { title: 'Cleaning', lifecycle: future });
    await create(admin, {
      title: 'Licence',
      lifecycle: { type: 'fixed', startDate: '2020-01-01', endDate: '2020-12-31' },
    });
    const first = (await call(h, admin, 'GET', '/contracts?sort=noticeDeadline&limit=2')).json();
    expect(first.items.map((c: { computed: { noticeDeadline: string } }) => c.computed.noticeDeadline)).toEqual([
      '2099-09-30',
      '2099-11-30',
    ]);
    expect(first.items.map((c: { title: string }) => c.title)).toEqual(['Cleaning', 'Lease']);
    const rest = (
      await call(h, admin, 'GET', `/contracts?sort=noticeDeadline&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(rest.items.map((c: { title: string }) => c.title)).toEqual(['Licence']);
    expect(rest.nextCursor).toBeNull();
    expect(
      (await call(h, admin, 'GET', '/contracts?noticeDeadlineFrom=2099-10-01'))
        .json()
        .items.map((c: { title: string }) => c.title),
    ).toEqual(['Lease']);
    expect(
      (await call(h, admin, 'GET', '/contracts?q=leas')).json().items.map((c: { title: string }) => c.title),
    ).toEqual(['Lease']);
    expect(
      (await call(h, admin, 'GET', '/contracts?endsTo=2021-01-01')).json().items.map((c: { title: string }) => c.title),
    ).toEqual(['Licence']);
    expectProblem(await call(h, admin, 'GET', '/contracts?sort=price'), 422, 'validation_failed');
  });

  it('shows each person only the business units their role covers', async () => {
    const admin = await signUpOrg(h);
    const general = defaultUnit(admin);
    const sales = (await call(h, admin, 'POST', '/business-units', { name: 'Sales' })).json().id as string;
    const viewer = await addMember(h, admin, { roles: { [general]: 'viewer' } });
    const editor = await addMember(h, admin, { roles: { [sales]: 'editor' } });
    const inGeneral = await create(admin, { title: 'General contract' });
    const inSales = await create(admin, { title: 'Sales contract', businessUnitId: sales });
    expect((await call(h, viewer, 'GET', '/contracts')).json().items.map((c: { title: string }) => c.title)).toEqual([
      'General contract',
    ]);
    expect((await call(h, viewer, 'GET', `/contracts/${inGeneral.id}`)).json().abilities).toEqual({
      edit: false,
      delete: false,
    });
    expectProblem(await call(h, viewer, 'GET', `/contracts/${inSales.id}`), 404, 'not_found');
    expectProblem(await call(h, viewer, 'PATCH', `/contracts/${inGeneral.id}`, { title: 'Mine' }), 403, 'forbidden');
    expectProblem(await call(h, viewer, 'POST', '/contracts', { title: 'X', lifecycle: yearly }), 403, 'forbidden');
    expect((await call(h, editor, 'PATCH', `/contracts/${inSales.id}`, { title: 'Sales contract 2' })).statusCode).toBe(
      200,
    );
    expectProblem(
      await call(h, editor, 'PATCH', `/contracts/${inSales.id}`, { businessUnitId: general }),
      403,
      'forbidden',
    );
    expectProblem(await call(h, editor, 'DELETE', `/contracts/${inSales.id}`), 403, 'forbidden');
    expectProblem(await call(h, admin, 'DELETE', `/business-units/${sales}`), 409, 'conflict');
  });

  it('answers 401 without a session and 404 for another org; only administrators delete', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const { id } = await create(admin);
    expectProblem(await call(h, null, 'GET', '/contracts'), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'POST', '/contracts', { title: 'X', lifecycle: yearly }), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'GET', `/contracts/${id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'PATCH', `/contracts/${id}`, { title: 'Taken' }), 404, 'not_found');
    expectProblem(
      await call(h, stranger, 'POST', `/contracts/${id}/notice`, { givenOn: '2026-01-01' }),
      404,
      'not_found',
    );
    expectProblem(await call(h, stranger, 'DELETE', `/contracts/${id}`), 404, 'not_found');
    expect((await call(h, stranger, 'GET', '/contracts')).json().items).toEqual([]);
    expect((await call(h, admin, 'DELETE', `/contracts/${id}`)).statusCode).toBe(204);
    expectProblem(await call(h, admin, 'GET', `/contracts/${id}`), 404, 'not_found');
    expect((await auditEvents(h, admin, '&action=contract.deleted'))[0]).toMatchObject({ objectId: id });
  });
});

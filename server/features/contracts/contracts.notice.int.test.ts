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

describe('recording notice', () => {
  it('refuses a notice date after today in the account zone, storing nothing', async () => {
    const admin = await signUpOrg(h);
    const { id } = await create(admin, { status: 'active' });
    const res = await call(h, admin, 'POST', `/contracts/${id}/notice`, { givenOn: '2099-01-02' });
    expect(expectProblem(res, 422, 'validation_failed').errors).toEqual([
      expect.objectContaining({ field: 'givenOn', rule: 'notice_in_future' }),
    ]);
    expect((await call(h, admin, 'GET', `/contracts/${id}`)).json().status).toBe('active');
    expect(await auditEvents(h, admin, '&action=contract.notice_recorded')).toEqual([]);
  });

  it('asks for confirmation when notice misses the term deadline, then records the later end', async () => {
    const admin = await signUpOrg(h);
    const { id } = await create(admin, { status: 'active' });
    const late = await call(h, admin, 'POST', `/contracts/${id}/notice`, { givenOn: '2025-10-01' });
    const problem = expectProblem(late, 422, 'validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'givenOn', rule: 'notice_after_deadline' })]);
    expect(problem.detail).toContain('2026-12-31');
    expect(await auditEvents(h, admin, '&action=contract.notice_recorded')).toEqual([]);

    const res = await call(h, admin, 'POST', `/contracts/${id}/notice`, {
      givenOn: '2025-10-01',
      confirmLaterEnd: true,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'terminated',
      lifecycle: { noticeGivenOn: '2025-10-01' },
      computed: { endsOn: '2026-12-31', phase: expect.stringMatching(/^(notice_given|ended)$/), noticeDeadline: null },
    });
    const [event] = await auditEvents(h, admin, '&action=contract.notice_recorded');
    expect(event).toMatchObject({ objectId: id, changes: { status: { before: 'active', after: 'terminated' } } });
  });

  it('records notice in time without confirmation; the deadline it met is gone', async () => {
    const admin = await signUpOrg(h);
    const { id } = await create(admin);
    const res = await call(h, admin, 'POST', `/contracts/${id}/notice`, { givenOn: '2025-09-30' });
    expect(res.statusCode).toBe(200);
    const asOf = (await call(h, admin, 'GET', `/contracts/${id}?asOf=2025-09-30`)).json();
    expect(asOf.computed).toMatchObject({ endsOn: '2025-12-31', phase: 'notice_given', noticeDeadline: null });
  });

  it('answers 401, 404 for another org and 403 for a viewer', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h);
    const viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const { id } = await create(admin);
    const body = { givenOn: '2025-09-30' };
    expectProblem(await call(h, null, 'POST', `/contracts/${id}/notice`, body), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'POST', `/contracts/${id}/notice`, body), 404, 'not_found');
    expectProblem(await call(h, viewer, 'POST', `/contracts/${id}/notice`, body), 403, 'forbidden');
  });
});

describe('status and notice never contradict each other', () => {
  it('refuses "terminated" without a notice date, on create and on update', async () => {
    const admin = await signUpOrg(h);
    const created = await call(h, admin, 'POST', '/contracts', { title: 'X', status: 'terminated', lifecycle: yearly });
    expect(expectProblem(created, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'status',
      rule: 'terminated_without_notice',
    });
    const { id } = await create(admin, { status: 'active' });
    const patched = await call(h, admin, 'PATCH', `/contracts/${id}`, { status: 'terminated' });
    expect(expectProblem(patched, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'status',
      rule: 'terminated_without_notice',
    });
  });

  it('makes a contract with a notice date terminated, showing its end, never open-ended', async () => {
    const admin = await signUpOrg(h);
    const indefinite = {
      type: 'indefinite',
      startDate: '2024-01-01',
      noticePeriod: 'P3M',
      noticeGivenOn: '2025-03-01',
    };
    const c = await create(admin, { status: 'active', lifecycle: indefinite });
    expect(c).toMatchObject({ status: 'terminated', computed: { endsOn: '2025-06-01', phase: 'ended' } });
    const other = await create(admin, { status: 'active' });
    const patched = await call(h, admin, 'PATCH', `/contracts/${other.id}`, {
      lifecycle: { ...yearly, noticeGivenOn: '2025-06-01' },
    });
    expect(patched.json()).toMatchObject({ status: 'terminated', computed: { endsOn: '2025-12-31' } });
    const [event] = await auditEvents(h, admin, '&action=contract.updated');
    expect(event?.changes.status).toEqual({ before: 'active', after: 'terminated' });
  });

  it('refuses a notice date in the future in the contract form too', async () => {
    const admin = await signUpOrg(h);
    const { id } = await create(admin);
    const res = await call(h, admin, 'PATCH', `/contracts/${id}`, {
      lifecycle: { ...yearly, noticeGivenOn: '2099-01-02' },
    });
    expect(expectProblem(res, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'lifecycle.noticeGivenOn',
      rule: 'notice_in_future',
    });
  });
});

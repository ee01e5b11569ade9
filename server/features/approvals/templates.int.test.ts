import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEvents, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { addCategory } from '../contracts/contracts.fixtures.js';
import { approvalWorld, startApproval, userStep } from './approvals.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('approval templates', () => {
  it('lets administrators create, change and archive templates that members and API keys read', async () => {
    const w = await approvalWorld(h);
    const category = await addCategory(h, w.admin, 'Supply');
    const body = {
      name: 'Two-step',
      description: 'Legal, then the unit',
      defaultCategoryId: category,
      steps: [
        userStep('Legal', 'all', [w.anna.id], 5),
        { name: 'Unit', rule: 'any', dueDays: null, approvers: [{ kind: 'unit_editors', businessUnitId: w.unit }] },
      ],
    };
    const created = await call(h, w.admin, 'POST', '/approval-templates', body);
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({
      name: 'Two-step',
      defaultCategoryId: category,
      archivedAt: null,
      steps: [
        {
          name: 'Legal',
          rule: 'all',
          dueDays: 5,
          approvers: [{ kind: 'user', userId: w.anna.id, userName: 'Anna Approver' }],
        },
        { name: 'Unit', rule: 'any', dueDays: null, approvers: [{ kind: 'unit_editors', businessUnitId: w.unit }] },
      ],
    });
    expect((await call(h, w.viewer, 'GET', '/approval-templates')).json().items).toHaveLength(1);
    const key = await call(h, w.admin, 'POST', '/api-keys', { name: 'ERP', role: 'viewer', businessUnitIds: [w.unit] });
    expect((await call(h, { bearer: key.json().token }, 'GET', `/approval-templates/${id}`)).statusCode).toBe(200);

    const patched = await call(h, w.admin, 'PATCH', `/approval-templates/${id}`, {
      name: 'One step',
      steps: [userStep('Legal', 'any', [w.anna.id, w.bert.id])],
    });
    expect(patched.json()).toMatchObject({ name: 'One step', description: 'Legal, then the unit' });
    expect(patched.json().steps).toHaveLength(1);
    const fromTemplate = await startApproval(h, w.editor, w.contract.id, { templateId: id });
    expect(fromTemplate.current!.steps[0]!.slots).toHaveLength(2);

    expect((await call(h, w.admin, 'DELETE', `/approval-templates/${id}`)).statusCode).toBe(204);
    expect((await call(h, w.admin, 'GET', '/approval-templates')).json().items).toEqual([]);
    expect((await call(h, w.admin, 'GET', `/approval-templates/${id}`)).json().archivedAt).not.toBeNull();
    const late = await call(h, w.admin, 'PATCH', `/approval-templates/${id}`, { name: 'Again' });
    expect(expectProblem(late, 409, 'conflict').reason).toBe('template_archived');
    expect(await auditEvents(h, w.admin, '&action=approval_template.created')).toMatchObject([{ objectId: id }]);
    const updated = await auditEvents(h, w.admin, '&action=approval_template.updated');
    expect(updated[0]!.changes).toMatchObject({
      name: { before: 'Two-step', after: 'One step' },
      steps: { before: 2, after: 1 },
    });
    expect(await auditEvents(h, w.admin, '&action=approval_template.archived')).toHaveLength(1);
  });

  it('refuses bad templates, other roles, other orgs and callers without a session', async () => {
    const w = await approvalWorld(h);
    const stranger = await signUpOrg(h);
    const first = async (body: object) =>
      expectProblem(await call(h, w.admin, 'POST', '/approval-templates', body), 422, 'validation_failed').errors?.[0];
    const ok = { name: 'T', steps: [userStep('Legal', 'all', [w.anna.id])] };
    expect(await first({ ...ok, name: '' })).toMatchObject({ field: 'name' });
    expect(await first({ ...ok, steps: [] })).toMatchObject({ field: 'steps' });
    expect(await first({ ...ok, steps: [userStep('Legal', 'all', [stranger.me.user!.id])] })).toMatchObject({
      field: 'steps.0.approvers.0.userId',
      rule: 'not_a_member',
    });
    expect(await first({ ...ok, defaultCategoryId: crypto.randomUUID() })).toMatchObject({
      field: 'defaultCategoryId',
      rule: 'unknown_category',
    });
    expect(await first({ ...ok, steps: [{ ...userStep('L', 'all', [w.anna.id]), dueDays: 0 }] })).toMatchObject({
      field: 'steps.0.dueDays',
    });
    expectProblem(await call(h, w.editor, 'POST', '/approval-templates', ok), 403, 'forbidden');
    expectProblem(await call(h, null, 'POST', '/approval-templates', ok), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'GET', '/approval-templates'), 401, 'unauthenticated');
    const id = (await call(h, w.admin, 'POST', '/approval-templates', ok)).json().id as string;
    expectProblem(await call(h, w.viewer, 'PATCH', `/approval-templates/${id}`, { name: 'X' }), 403, 'forbidden');
    expectProblem(await call(h, w.viewer, 'DELETE', `/approval-templates/${id}`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'GET', `/approval-templates/${id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'PATCH', `/approval-templates/${id}`, { name: 'X' }), 404, 'not_found');
    expectProblem(await call(h, stranger, 'DELETE', `/approval-templates/${id}`), 404, 'not_found');
    expect((await call(h, stranger, 'GET', '/approval-templates')).json().items).toEqual([]);
    expect((await call(h, w.admin, 'GET', `/approval-templates/${id}`)).json().name).toBe('T');
  });

  it('refuses a second default template for a category while the first is active', async () => {
    const w = await approvalWorld(h);
    const category = await addCategory(h, w.admin, 'Leases');
    const body = { name: 'First', defaultCategoryId: category, steps: [userStep('Legal', 'all', [w.anna.id])] };
    const first = await call(h, w.admin, 'POST', '/approval-templates', body);
    expect(first.statusCode).toBe(201);
    const second = await call(h, w.admin, 'POST', '/approval-templates', { ...body, name: 'Second' });
    expect(expectProblem(second, 422, 'validation_failed').errors?.[0]).toMatchObject({
      field: 'defaultCategoryId',
      rule: 'default_taken',
      params: { name: 'First' },
    });
    const same = await call(h, w.admin, 'PATCH', `/approval-templates/${first.json().id}`, body);
    expect(same.statusCode).toBe(200);
    expect((await call(h, w.admin, 'DELETE', `/approval-templates/${first.json().id}`)).statusCode).toBe(204);
    expect((await call(h, w.admin, 'POST', '/approval-templates', { ...body, name: 'Second' })).statusCode).toBe(201);
  });
});

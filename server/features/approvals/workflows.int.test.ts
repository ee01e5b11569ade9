import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { approvalMails, approvalWorld, decide, slotOf, startApproval, userStep } from './approvals.fixtures.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('approval workflows', () => {
  it('needs every approval of an `all` step and the first of an `any` step, then approves the contract', async () => {
    const w = await approvalWorld(h);
    const started = await startApproval(h, w.editor, w.contract.id, {
      steps: [
        userStep('Legal', 'all', [w.anna.id, w.bert.id]),
        userStep('Finance', 'any', [w.viewer.id, w.admin.me.user!.id]),
      ],
    });
    expect(started).toMatchObject({ state: 'in_progress', abilities: { canStart: false, canCancel: true } });
    expect(started.current!.steps.map((s) => s.status)).toEqual(['active', 'waiting']);
    expect((await approvalMails(h, w.admin, 'approval_request')).map((m) => m.recipientUserId).sort()).toEqual(
      [w.anna.id, w.bert.id].sort(),
    );
    const afterAnna = (await decide(h, w.anna, started, slotOf(started, 1, w.anna.id), 'approve')).json();
    expect(afterAnna.current.steps.map((s: { status: string }) => s.status)).toEqual(['active', 'waiting']);
    const afterBert = (await decide(h, w.bert, started, slotOf(started, 1, w.bert.id), 'approve')).json();
    expect(afterBert.current.steps.map((s: { status: string }) => s.status)).toEqual(['approved', 'active']);
    expect(await approvalMails(h, w.admin, 'approval_request')).toHaveLength(4);
    const vicSlot = slotOf(afterBert, 2, w.viewer.id);
    const done = await decide(h, w.viewer, started, vicSlot, 'approve', 'Fine by me');
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ state: 'approved', current: { status: 'approved' } });
    const step2 = done.json().current.steps[1].slots;
    expect(step2.map((s: { status: string }) => s.status).sort()).toEqual(['approved', 'void']);
    const late = await decide(h, w.admin, started, slotOf(afterBert, 2, w.admin.me.user!.id), 'approve');
    expectProblem(late, 409, 'conflict');
    const outcome = await approvalMails(h, w.admin, 'approval_outcome');
    expect(outcome).toMatchObject([{ recipientUserId: w.editor.id, subjectId: started.current!.id, status: 'queued' }]);
    expect(await auditEvents(h, w.admin, '&action=approval.decided')).toHaveLength(3);
    expect(await auditEvents(h, w.admin, '&action=approval.approved')).toMatchObject([
      { objectType: 'approval', objectId: started.current!.id },
    ]);
  });

  it('rejects with a reason, tells the requester, and starts round 2 on resubmission', async () => {
    const w = await approvalWorld(h);
    const a = await startApproval(h, w.editor, w.contract.id, {
      steps: [userStep('Legal', 'all', [w.anna.id, w.bert.id])],
    });
    const slot = slotOf(a, 1, w.anna.id);
    const bare = expectProblem(await decide(h, w.anna, a, slot, 'reject'), 422, 'validation_failed');
    expect(bare.errors?.[0]).toMatchObject({ field: 'comment', rule: 'required_to_reject' });
    const rejected = (await decide(h, w.anna, a, slot, 'reject', 'Wrong partner')).json();
    expect(rejected).toMatchObject({ state: 'rejected', abilities: { canResubmit: false, canStart: false } });
    const asEditor = (await call(h, w.editor, 'GET', `/contracts/${w.contract.id}/approval`)).json();
    expect(asEditor.abilities).toMatchObject({ canResubmit: true, canStart: true, canCancel: false });
    expect(rejected.current.decisions).toMatchObject([
      { decision: 'reject', comment: 'Wrong partner', userName: 'Anna Approver' },
    ]);
    expect(await approvalMails(h, w.admin, 'approval_outcome')).toMatchObject([{ recipientUserId: w.editor.id }]);
    expect(await auditEvents(h, w.admin, '&action=approval.rejected')).toHaveLength(1);
    expectProblem(await call(h, w.viewer, 'POST', `/approvals/${a.current!.id}/resubmit`), 403, 'forbidden');
    const again = await call(h, w.editor, 'POST', `/approvals/${a.current!.id}/resubmit`);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ state: 'in_progress', current: { round: 2 } });
    expect(again.json().rounds.map((r: { round: number; status: string }) => [r.round, r.status])).toEqual([
      [2, 'in_progress'],
      [1, 'rejected'],
    ]);
    expect(
      (await approvalMails(h, w.admin, 'approval_request')).filter((m) => m.recipientUserId === w.anna.id),
    ).toHaveLength(2);
    expectProblem(await call(h, w.editor, 'POST', `/approvals/${a.current!.id}/resubmit`), 409, 'conflict');
    expect(await auditEvents(h, w.admin, '&action=approval.resubmitted')).toHaveLength(1);
  });

  it('refuses approvers who cannot see the contract, a unit without Editors, self-approval and a second run', async () => {
    const w = await approvalWorld(h);
    const noRole = await addMember(h, w.admin, { roles: {} });
    const unit2 = (await call(h, w.admin, 'POST', '/business-units', { name: 'Empty unit' })).json().id as string;
    const bad = await call(h, w.editor, 'POST', `/contracts/${w.contract.id}/approval`, {
      steps: [
        userStep('One', 'all', [w.editor.id, noRole.id]),
        { name: 'Two', rule: 'any', dueDays: null, approvers: [{ kind: 'unit_editors', businessUnitId: unit2 }] },
      ],
    });
    expect(expectProblem(bad, 422, 'validation_failed').errors).toMatchObject([
      { field: 'steps.0.approvers.0.userId', rule: 'self_approval' },
      { field: 'steps.0.approvers.1.userId', rule: 'approver_cannot_see' },
      { field: 'steps.1.approvers.0.businessUnitId', rule: 'unit_has_no_editors' },
    ]);
    const tooMany = Array.from({ length: 11 }, (_, i) => userStep(`S${i}`, 'all', [w.anna.id]));
    const eleven = await call(h, w.editor, 'POST', `/contracts/${w.contract.id}/approval`, { steps: tooMany });
    expect(expectProblem(eleven, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'steps' });
    const empty = await call(h, w.editor, 'POST', `/contracts/${w.contract.id}/approval`, {
      steps: [userStep('x', 'all', [])],
    });
    expectProblem(empty, 422, 'validation_failed');
    const noTemplate = await call(h, w.editor, 'POST', `/contracts/${w.contract.id}/approval`, {
      templateId: crypto.randomUUID(),
    });
    expect(expectProblem(noTemplate, 422, 'validation_failed').errors?.[0]).toMatchObject({ rule: 'unknown_template' });
    const both = await call(h, w.editor, 'POST', `/contracts/${w.contract.id}/approval`, {
      templateId: crypto.randomUUID(),
      steps: [userStep('x', 'all', [w.anna.id])],
    });
    expect(expectProblem(both, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'templateId' });
    expect((await call(h, w.editor, 'GET', `/contracts/${w.contract.id}/approval`)).json()).toMatchObject({
      state: 'none',
      current: null,
      rounds: [],
    });
    await startApproval(h, w.editor, w.contract.id, { steps: [userStep('One', 'all', [w.anna.id])] });
    const second = await call(h, w.admin, 'POST', `/contracts/${w.contract.id}/approval`, {
      steps: [userStep('One', 'all', [w.anna.id])],
    });
    expect(expectProblem(second, 409, 'conflict').reason).toBe('approval_running');
  });

  it('answers each caller by role: no session, another org, a viewer, an API key', async () => {
    const w = await approvalWorld(h);
    const stranger = await signUpOrg(h);
    const body = { steps: [userStep('Legal', 'all', [w.anna.id])] };
    const url = `/contracts/${w.contract.id}/approval`;
    expectProblem(await call(h, null, 'POST', url, body), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'POST', url, body), 404, 'not_found');
    expectProblem(await call(h, w.viewer, 'POST', url, body), 403, 'forbidden');
    const a = await startApproval(h, w.editor, w.contract.id, body);
    expect(await auditEvents(h, w.admin, '&action=approval.started')).toMatchObject([{ objectId: a.current!.id }]);
    const id = a.current!.id;
    const slot = slotOf(a, 1);
    expectProblem(await call(h, null, 'GET', url), 401, 'unauthenticated');
    expectProblem(await call(h, stranger, 'GET', url), 404, 'not_found');
    expect((await call(h, w.viewer, 'GET', url)).json()).toMatchObject({
      abilities: { canStart: false, canCancel: false, canComment: false },
    });
    const annaView = (await call(h, w.anna, 'GET', url)).json();
    expect(annaView.current.steps[0].slots[0]).toMatchObject({ canDecide: true, userName: 'Anna Approver' });
    expect(annaView.abilities.canComment).toBe(true);
    const key = await call(h, w.admin, 'POST', '/api-keys', { name: 'ERP', role: 'administrator' });
    const bot = { bearer: key.json().token as string };
    expect((await call(h, bot, 'GET', url)).statusCode).toBe(200);
    const byKey = await call(h, bot, 'POST', `/approvals/${id}/slots/${slot}/decision`, { decision: 'approve' });
    expect(expectProblem(byKey, 403, 'forbidden').reason).toBe('person_required');
    expect(expectProblem(await call(h, bot, 'GET', '/approval-tasks'), 403, 'forbidden').reason).toBe(
      'person_required',
    );
    expectProblem(
      await call(h, w.viewer, 'POST', `/approvals/${id}/slots/${slot}/decision`, { decision: 'approve' }),
      403,
      'forbidden',
    );
    expectProblem(
      await call(h, stranger, 'POST', `/approvals/${id}/slots/${slot}/decision`, { decision: 'approve' }),
      404,
      'not_found',
    );
    expectProblem(
      await call(h, w.anna, 'POST', `/approvals/${id}/slots/${slot}/decision`, { decision: 'maybe' }),
      422,
      'validation_failed',
    );
    expectProblem(await call(h, null, 'GET', '/approval-tasks'), 401, 'unauthenticated');
    expect((await call(h, w.anna, 'GET', '/approval-tasks')).json().items).toMatchObject([
      { workflowId: id, slotId: slot, contractId: w.contract.id, contractTitle: 'Supply deal', stepName: 'Legal' },
    ]);
    expect((await call(h, w.bert, 'GET', '/approval-tasks')).json().items).toEqual([]);

    const comment = await call(h, w.anna, 'POST', `/approvals/${id}/comments`, { body: 'Looking at it' });
    expect(comment.statusCode).toBe(201);
    expect(comment.json()).toMatchObject({ body: 'Looking at it', authorName: 'Anna Approver' });
    expectProblem(await call(h, w.anna, 'POST', `/approvals/${id}/comments`, { body: ' ' }), 422, 'validation_failed');
    expectProblem(await call(h, w.viewer, 'POST', `/approvals/${id}/comments`, { body: 'Hi' }), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'POST', `/approvals/${id}/comments`, { body: 'Hi' }), 404, 'not_found');
    expectProblem(await call(h, null, 'POST', `/approvals/${id}/comments`, { body: 'Hi' }), 401, 'unauthenticated');
    expect(await auditEvents(h, w.admin, '&action=approval.commented')).toHaveLength(1);

    expectProblem(await call(h, w.viewer, 'POST', `/approvals/${id}/cancel`), 403, 'forbidden');
    expectProblem(await call(h, stranger, 'POST', `/approvals/${id}/cancel`), 404, 'not_found');
    const cancelled = await call(h, w.editor, 'POST', `/approvals/${id}/cancel`);
    expect(cancelled.json()).toMatchObject({
      state: 'none',
      current: { status: 'cancelled' },
      abilities: { canStart: true },
    });
    expect((await call(h, w.anna, 'GET', '/approval-tasks')).json().items).toEqual([]);
    expect(await auditEvents(h, w.admin, '&action=approval.cancelled')).toHaveLength(1);
    expect((await call(h, w.anna, 'GET', url)).json().comments).toHaveLength(1);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../../common/terms/dates.js';
import { withClaims } from '../../db/tx.js';
import { MAIL_KINDS } from '../../mail-kinds.js';
import { sendOrgMail } from '../../platform/mail/mail.jobs.js';
import { addMember, auditEvents, call, expectProblem } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { accountToday } from '../reminders/reminders.fixtures.js';
import { approvalMails, approvalWorld, decide, slotOf, startApproval, userStep } from './approvals.fixtures.js';
import { composeApprovalMail, loadApprovalFacts } from './approvals.mail.js';
import { runApprovals } from './approvals.sweep.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

describe('approvals over time', () => {
  it('delivers the request to the approver once, through the outbox, with a link to the contract', async () => {
    const w = await approvalWorld(h);
    await startApproval(h, w.editor, w.contract.id, { steps: [userStep('Legal', 'all', [w.anna.id])] });
    const orgId = w.admin.me.org.id;
    const first = await sendOrgMail(h.app.deps, orgId, new Date(), MAIL_KINDS);
    const again = await sendOrgMail(h.app.deps, orgId, new Date(), MAIL_KINDS);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    expect(again.sent).toBe(0);
    const mail = await h.sink.waitFor((m) => m.to.includes(w.anna.email) && m.text.includes('?tab=approval'));
    expect(mail.text).toContain(`/contracts/${w.contract.id}?tab=approval`);
    expect(h.sink.messages.filter((m) => m.to.includes(w.anna.email) && m.text.includes('?tab=approval'))).toHaveLength(
      1,
    );
  });

  it('lets a current Editor of the unit answer a unit slot, and refuses one who no longer is', async () => {
    const w = await approvalWorld(h);
    const ed2 = await addMember(h, w.admin, { roles: { [w.unit]: 'editor' }, name: 'Ed Two' });
    const a = await startApproval(h, w.editor, w.contract.id, {
      steps: [
        { name: 'Unit', rule: 'any', dueDays: null, approvers: [{ kind: 'unit_editors', businessUnitId: w.unit }] },
      ],
    });
    // The requester is an Editor of the unit too, but never mailed to approve their own request.
    expect((await approvalMails(h, w.admin, 'approval_request')).map((m) => m.recipientUserId)).toEqual([ed2.id]);
    expect((await call(h, ed2, 'GET', '/approval-tasks')).json().items).toHaveLength(1);
    expect((await call(h, w.editor, 'GET', '/approval-tasks')).json().items).toEqual([]);
    expectProblem(await decide(h, w.editor, a, slotOf(a, 1), 'approve'), 403, 'forbidden');
    const demoted = await call(h, w.admin, 'PUT', `/users/${ed2.id}/roles`, {
      isAdmin: false,
      roles: { [w.unit]: 'viewer' },
    });
    expect(demoted.statusCode).toBe(200);
    expectProblem(await decide(h, ed2, a, slotOf(a, 1), 'approve'), 403, 'forbidden');
    const ed3 = await addMember(h, w.admin, { roles: { [w.unit]: 'editor' }, name: 'Ed Three' });
    const answered = await decide(h, ed3, a, slotOf(a, 1), 'approve');
    expect(answered.json()).toMatchObject({ state: 'approved' });
    expect(answered.json().current.steps[0].slots[0]).toMatchObject({ decidedBy: ed3.id, decidedByName: 'Ed Three' });
  });

  it('starts a new round when a key field changes while it runs, not when the description does', async () => {
    const w = await approvalWorld(h);
    const a = await startApproval(h, w.editor, w.contract.id, {
      steps: [userStep('Legal', 'all', [w.anna.id]), userStep('Finance', 'all', [w.bert.id])],
    });
    const url = `/contracts/${w.contract.id}`;
    await decide(h, w.anna, a, slotOf(a, 1), 'approve');
    expect((await call(h, w.editor, 'PATCH', url, { description: 'More words' })).statusCode).toBe(200);
    const same = (await call(h, w.editor, 'GET', `${url}/approval`)).json();
    expect(same.current).toMatchObject({ id: a.current!.id, round: 1 });
    expect((await call(h, w.editor, 'PATCH', url, { title: 'Supply deal v2' })).statusCode).toBe(200);
    const reset = (await call(h, w.editor, 'GET', `${url}/approval`)).json();
    expect(reset.current).toMatchObject({ round: 2, status: 'in_progress' });
    expect(reset.current.steps.map((s: { status: string }) => s.status)).toEqual(['active', 'waiting']);
    expect(reset.rounds[1]).toMatchObject({ id: a.current!.id, status: 'reset', endedReason: 'key_fields_changed' });
    const annaMails = (await approvalMails(h, w.admin, 'approval_request')).filter(
      (m) => m.recipientUserId === w.anna.id,
    );
    expect(annaMails).toHaveLength(2);
    expect(await auditEvents(h, w.admin, '&action=approval.reset')).toMatchObject([{ objectId: a.current!.id }]);
    const lifecycle = { type: 'fixed', startDate: '2090-01-01', endDate: '2091-06-30' };
    expect((await call(h, w.editor, 'PATCH', url, { lifecycle })).statusCode).toBe(200);
    expect((await call(h, w.editor, 'GET', `${url}/approval`)).json().current).toMatchObject({ round: 3 });
  });

  it('mails an overdue step once a day to its approvers and the requester', async () => {
    const w = await approvalWorld(h);
    const a = await startApproval(h, w.editor, w.contract.id, {
      steps: [userStep('Legal', 'all', [w.anna.id, w.bert.id], 2)],
    });
    const today = await accountToday(h, w.editor);
    expect(a.current!.steps[0]!.dueOn).toBe(addDays(today, 2));
    const orgId = w.admin.me.org.id;
    await decide(h, w.anna, a, slotOf(a, 1, w.anna.id), 'approve');
    const notYet = await runApprovals(h.app.deps, { orgId, asOf: `${addDays(today, 2)}T12:00` });
    expect(notYet).toMatchObject({ overdueSteps: 0, mails: 0, errors: 0 });
    const asOf = `${addDays(today, 3)}T12:00`;
    expect(await runApprovals(h.app.deps, { orgId, asOf })).toMatchObject({ overdueSteps: 1, mails: 2 });
    expect(await runApprovals(h.app.deps, { orgId, asOf })).toMatchObject({ overdueSteps: 0, mails: 0 });
    const overdue = await approvalMails(h, w.admin, 'approval_overdue');
    expect(overdue.map((m) => m.recipientUserId).sort()).toEqual([w.bert.id, w.editor.id].sort());
    expect(overdue[0]).toMatchObject({ subjectId: a.current!.id, contractId: w.contract.id, status: 'queued' });
    await runApprovals(h.app.deps, { orgId, asOf: `${addDays(today, 4)}T12:00` });
    expect(await approvalMails(h, w.admin, 'approval_overdue')).toHaveLength(4);
  });

  it('filters the contract list by approval state', async () => {
    const w = await approvalWorld(h);
    const make = async (title: string) => (await newContract(h, w.editor, { title })).id;
    const running = w.contract.id;
    const [approved, rejected, cancelled, none] = await Promise.all(['A', 'R', 'C', 'N'].map(make));
    const step = { steps: [userStep('Legal', 'all', [w.anna.id])] };
    await startApproval(h, w.editor, running, step);
    const ok = await startApproval(h, w.editor, approved!, step);
    await decide(h, w.anna, ok, slotOf(ok, 1), 'approve');
    const no = await startApproval(h, w.editor, rejected!, step);
    await decide(h, w.anna, no, slotOf(no, 1), 'reject', 'No');
    const gone = await startApproval(h, w.editor, cancelled!, step);
    await call(h, w.editor, 'POST', `/approvals/${gone.current!.id}/cancel`);
    const ids = async (state: string) =>
      ((await call(h, w.viewer, 'GET', `/contracts?approval=${state}`)).json().items as { id: string }[])
        .map((c) => c.id)
        .sort();
    expect(await ids('in_progress')).toEqual([running]);
    expect(await ids('approved')).toEqual([approved]);
    expect(await ids('rejected')).toEqual([rejected]);
    expect(await ids('none')).toEqual([cancelled, none].sort());
    const bad = await call(h, w.viewer, 'GET', '/contracts?approval=maybe');
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'approval' });
  });

  it('reads what each queued mail says when it is composed', async () => {
    const w = await approvalWorld(h);
    const a = await startApproval(h, w.editor, w.contract.id, { steps: [userStep('Legal', 'all', [w.anna.id], 3)] });
    await decide(h, w.anna, a, slotOf(a, 1), 'reject', 'Wrong <partner>');
    const orgId = w.admin.me.org.id;
    const mails = await approvalMails(h, w.admin);
    const composed = await withClaims(h.database.db, { orgId }, (tx) =>
      Promise.all(
        mails.map(async (d) => {
          const delivery = { ...d, kind: d.kind as 'approval_request' | 'approval_outcome' };
          const facts = (await loadApprovalFacts(tx, orgId, delivery))!;
          return {
            kind: d.kind,
            facts,
            mail: composeApprovalMail(h.config, { id: orgId, name: 'Acme' }, delivery, facts),
          };
        }),
      ),
    );
    const request = composed.find((c) => c.kind === 'approval_request')!;
    expect(request.facts).toMatchObject({
      contractTitle: 'Supply deal',
      requesterName: 'Erin Editor',
      stepName: 'Legal',
    });
    expect(request.mail.text).toContain(`/contracts/${w.contract.id}?tab=approval`);
    const outcome = composed.find((c) => c.kind === 'approval_outcome')!;
    expect(outcome.facts).toMatchObject({
      outcome: 'rejected',
      rejectedBy: 'Anna Approver',
      rejectionComment: 'Wrong <partner>',
    });
    expect(outcome.mail.html).toContain('Wrong &lt;partner&gt;');
    expect(outcome.mail.to).toBe(w.editor.email);
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WEBHOOK_EVENT_TYPES } from '../../../common/schemas/webhooks.js';
import { addDays, todayIn } from '../../../common/terms/dates.js';
import { type Caller, call, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { approvalWorld, decide, slotOf, startApproval, userStep } from '../approvals/approvals.fixtures.js';
import { future } from '../contracts/contracts.fixtures.js';
import { addReminder, at, contractWithDeadline, quietOrg } from '../reminders/engine/engine.fixtures.js';
import { runReminders } from '../reminders/engine/run.js';
import { sealDue } from '../signing/seal.job.js';
import { signedByAll } from '../signing/signflow.fixtures.js';
import { deliverDue } from './webhooks.deliver.js';
import { startReceiver } from './webhooks.receiver.test-kit.js';

let h: Harness;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
beforeAll(async () => {
  h = await startHarness();
  receiver = await startReceiver();
});
afterAll(async () => {
  await receiver.close();
  await h.close();
});

let paths = 0;
async function subscribe(admin: Caller, eventTypes: readonly string[] = WEBHOOK_EVENT_TYPES) {
  const p = `/events-${++paths}`;
  const res = await call(h, admin, 'POST', '/webhooks', { url: receiver.url(p), eventTypes });
  expect(res.statusCode).toBe(201);
  return p;
}

/** What the receiver got at `p` once the org's due webhooks are sent: their types (sorted) and each body by type. */
async function received(admin: Caller, p: string, now = new Date()) {
  await deliverDue(h.app.deps, admin.me!.org.id, now);
  // Deliveries go out side by side: receivers order by the payload's timestamp, not by arrival.
  const bodies = receiver
    .at(p)
    .map((r) => JSON.parse(r.body) as { type: string; timestamp: string; data: Record<string, unknown> });
  const byType = (type: string) => bodies.find((b) => b.type === type)!;
  return { types: bodies.map((b) => b.type).sort(), byType };
}

describe('webhook events of approvals and signing', () => {
  it('sends approval.completed when a round ends and signing.completed when the sealed version commits', async () => {
    const w = await approvalWorld(h);
    const p = await subscribe(w.admin, ['approval.completed', 'signing.completed']);
    const approval = await startApproval(h, w.editor, w.contract.id, {
      steps: [userStep('Legal', 'all', [w.anna.me.user!.id])],
    });
    expect((await decide(h, w.anna, approval, slotOf(approval, 1), 'approve')).statusCode).toBe(200);
    const envelope = await signedByAll(h, w.admin);
    expect(await sealDue(h.app.deps, w.admin.me!.org.id, new Date())).toEqual({ sealed: 1, failed: 0 });
    const got = await received(w.admin, p);
    expect(got.types).toEqual(['approval.completed', 'signing.completed']);
    expect(got.byType('approval.completed').data).toEqual({
      approvalId: approval.current!.id,
      contractId: w.contract.id,
      round: 1,
      outcome: 'approved',
    });
    expect(got.byType('signing.completed').data).toMatchObject({
      envelopeId: envelope.id,
      contractId: envelope.contractId,
      documentId: envelope.documentId,
    });
  });
});

describe('webhook events', () => {
  it('sends contract.created, contract.updated, document.uploaded and contract.deleted with ids, not contents', async () => {
    const admin = await quietOrg(h);
    const p = await subscribe(admin);
    const other = await subscribe(admin, ['approval.completed']);
    const created = await call(h, admin, 'POST', '/contracts', { title: 'Lease', status: 'active', lifecycle: future });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as string;
    await call(h, admin, 'PATCH', `/contracts/${id}`, { title: 'Lease Berlin' });
    const doc = await uploadDocument(
      h,
      admin,
      `/contracts/${id}/documents`,
      'lease.pdf',
      pdfWithText(['SECRET CLAUSE']),
    );
    expect(doc.statusCode).toBe(201);
    await call(h, admin, 'DELETE', `/contracts/${id}`);
    const got = await received(admin, p);
    expect(got.types).toEqual(['contract.created', 'contract.deleted', 'contract.updated', 'document.uploaded']);
    expect(got.byType('contract.created').data).toMatchObject({ contractId: id, title: 'Lease', status: 'active' });
    expect(got.byType('contract.updated').data).toMatchObject({
      contractId: id,
      title: 'Lease Berlin',
      changedFields: ['title'],
    });
    expect(got.byType('document.uploaded').data).toMatchObject({
      documentId: doc.json().id,
      contractId: id,
      version: 1,
    });
    const all = JSON.stringify(receiver.at(p).map((r) => r.body));
    expect(all).not.toContain('SECRET CLAUSE');
    expect(all).not.toContain('lease.pdf');
    expect(receiver.at(other)).toHaveLength(0);
  });

  it('queues nothing when the change rolls back', async () => {
    const admin = await quietOrg(h);
    const p = await subscribe(admin);
    const bad = await call(h, admin, 'POST', '/contracts', { title: '', status: 'active', lifecycle: future });
    expect(bad.statusCode).toBe(422);
    expect((await received(admin, p)).types).toEqual([]);
  });

  it('sends reminder.sent and deadline.approaching when the engine queues a notice-deadline reminder, and reminder.acknowledged', async () => {
    const admin = await quietOrg(h);
    const orgId = admin.me!.org.id;
    const start = todayIn('Europe/Berlin');
    const { contract, event } = await contractWithDeadline(h, admin, {
      lifecycle: {
        type: 'auto_renewal',
        startDate: addDays(start, -30),
        endDate: addDays(start, 120),
        renewalTerm: 'P1Y',
        noticePeriod: 'P3M',
      },
    });
    const reminderId = await addReminder(
      h,
      admin,
      { contractId: contract.id, eventId: event.id },
      { leadTimes: [20], owner: true },
    );
    const p = await subscribe(admin, ['reminder.sent', 'deadline.approaching', 'reminder.acknowledged']);
    const result = await runReminders(h.app.deps, { orgId, asOf: at(addDays(event.date, -20)) });
    expect(result.deliveries).toBe(1);
    await call(h, admin, 'PATCH', `/reminders/${reminderId}`, { action: 'acknowledge' });
    // The engine acted as of that morning: its events are due from then on.
    const got = await received(admin, p, new Date(Date.parse(event.date) + 86_400_000));
    expect(got.types).toEqual(['deadline.approaching', 'reminder.acknowledged', 'reminder.sent']);
    expect(got.byType('reminder.sent').data).toMatchObject({
      reminderId,
      contractId: contract.id,
      eventId: event.id,
      eventType: 'notice_deadline',
      eventDate: event.date,
    });
    expect(got.byType('deadline.approaching').data).toMatchObject({
      contractId: contract.id,
      noticeDeadline: event.date,
      reminderId,
    });
    expect(got.byType('reminder.acknowledged').data).toMatchObject({ reminderId, contractId: contract.id });
  });
});

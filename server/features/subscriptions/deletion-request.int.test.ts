import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Subscription } from '../../../common/schemas/subscriptions.js';
import { addMember, auditEvents, call, expectProblem, PASSWORD, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { deletionReceipts } from '../retention/org-deletion.js';
import { runRetention } from '../retention/retention.run.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ DELETION_GRACE_DAYS: '7' });
});
afterAll(() => h.close());

const DAY = 86_400_000;

describe('an administrator asks for the account to be deleted', () => {
  it('takes the password and the exact name, mails every administrator, can be cancelled by any of them, and runs after the grace period', async () => {
    const admin = await signUpOrg(h, 'Farewell GmbH');
    const orgId = admin.me.org.id;
    const second = await addMember(h, admin, { isAdmin: true, name: 'Sam Second' });
    const viewer = await addMember(h, admin, { roles: { [admin.me.roles[0]!.businessUnitId]: 'viewer' } });
    const ask = (who: typeof admin | null, body: unknown) =>
      call(h, who, 'POST', '/subscription/deletion-request', body);

    // Bad input, each refused with its field; nothing is requested.
    expectProblem(await ask(admin, { password: PASSWORD }), 422, 'validation_failed');
    const wrongName = expectProblem(
      await ask(admin, { password: PASSWORD, confirmName: 'Farewell' }),
      422,
      'validation_failed',
    );
    expect(wrongName.errors).toEqual([expect.objectContaining({ field: 'confirmName', rule: 'not_the_name' })]);
    const wrongPassword = await ask(admin, { password: 'not my password', confirmName: 'Farewell GmbH' });
    expectProblem(wrongPassword, 401, 'invalid_credentials');
    expectProblem(await ask(null, { password: PASSWORD, confirmName: 'Farewell GmbH' }), 401, 'unauthenticated');
    expectProblem(await ask(viewer, { password: PASSWORD, confirmName: 'Farewell GmbH' }), 403, 'forbidden');
    expect(((await call(h, admin, 'GET', '/subscription')).json() as Subscription).deletionRequest).toBeNull();
    expect((await auditEvents(h, admin, '&action=auth.password_check_failed')).length).toBe(1);

    const before = Date.now();
    const asked = await ask(admin, { password: PASSWORD, confirmName: 'Farewell GmbH' });
    expect(asked.statusCode, asked.body).toBe(200);
    const request = (asked.json() as Subscription).deletionRequest!;
    expect(request.requestedBy).toBe('Ada Admin');
    const due = new Date(request.dueAt).getTime();
    expect(due - before).toBeGreaterThanOrEqual(7 * DAY - 60_000);
    expect(due - before).toBeLessThanOrEqual(7 * DAY + 60_000);
    expect(
      expectProblem(await ask(admin, { password: PASSWORD, confirmName: 'Farewell GmbH' }), 409, 'conflict').reason,
    ).toBe('deletion_already_requested');
    for (const to of [admin.email, second.email]) {
      const mail = await h.sink.waitFor(
        (m) => m.to.includes(to) && m.subject.startsWith('Farewell GmbH will be deleted on'),
      );
      expect(mail.text).toContain('Ada Admin asked for the Deedbox account Farewell GmbH to be deleted.');
    }
    expect(h.sink.messages.some((m) => m.to.includes(viewer.email) && m.subject.includes('will be deleted'))).toBe(
      false,
    );
    expect((await auditEvents(h, admin, '&action=subscription.deletion_requested')).length).toBe(1);

    // The other administrator cancels; everyone is told; the retention run then leaves the account alone.
    expectProblem(await call(h, viewer, 'DELETE', '/subscription/deletion-request'), 403, 'forbidden');
    const cancelled = await call(h, second, 'DELETE', '/subscription/deletion-request');
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((cancelled.json() as Subscription).deletionRequest).toBeNull();
    await h.sink.waitFor(
      (m) => m.to.includes(admin.email) && m.subject === 'The deletion of Farewell GmbH was cancelled',
    );
    expect(
      expectProblem(await call(h, second, 'DELETE', '/subscription/deletion-request'), 409, 'conflict').reason,
    ).toBe('no_deletion_requested');
    expect((await auditEvents(h, admin, '&action=subscription.deletion_cancelled')).length).toBe(1);
    const asOf = new Date(due + DAY);
    expect((await runRetention(h.app.deps, { asOf, orgIds: [orgId] })).due).toEqual([]);

    // Asked again: after the grace period the retention run deletes it, as requested.
    expect((await ask(admin, { password: PASSWORD, confirmName: 'Farewell GmbH' })).statusCode).toBe(200);
    const early = await runRetention(h.app.deps, { asOf: new Date(Date.now() + DAY), orgIds: [orgId] });
    expect(early.due).toEqual([]);
    const run = await runRetention(h.app.deps, { asOf: new Date(Date.now() + 8 * DAY), orgIds: [orgId] });
    expect(run.due).toEqual([expect.objectContaining({ orgId, reason: 'request' })]);
    expect((await call(h, admin, 'GET', '/me')).statusCode).toBe(401);
    expect((await deletionReceipts(h.app.deps)).find((r) => r.orgId === orgId)?.reason).toBe('request');
  });
});

import { describe, expect, it } from 'vitest';
import { auditEvents, call, callerFrom, PASSWORD, signInAt, signUpOrg } from '../../test/api.js';
import { cliRunner } from '../../test/cli.js';
import { startHarness } from '../../test/harness.js';

const { database, deedbox } = cliRunner('subscriptions-cli');

// One process at a time on the data directory (PGlite): the app, then the CLI, then the app again. Each
// CLI run opens (and on PGlite migrates) the database itself: minutes on a loaded machine.
describe('deedbox org plan', () => {
  it('sets plan, status and paid period end, logged; cancelled with a past period makes it read-only', async () => {
    const h = await startHarness(database);
    let email: string;
    let orgId: string;
    try {
      const admin = await signUpOrg(h);
      email = admin.email;
      orgId = admin.me.org.id;
    } finally {
      await h.close();
    }
    const set = await deedbox(
      'org',
      'plan',
      '--org',
      orgId,
      '--plan',
      'team',
      '--status',
      'active',
      '--period-end',
      '2099-01-31',
    );
    expect(set.code, set.stderr).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      orgId,
      plan: 'team',
      status: 'active',
      seats: { used: 1, limit: 25 },
      currentPeriodEnd: '2099-01-31T00:00:00.000Z',
      readOnly: false,
    });
    const cancelled = await deedbox(
      'org',
      'plan',
      '--org',
      orgId,
      '--plan',
      'team',
      '--status',
      'cancelled',
      '--period-end',
      '2020-01-31',
    );
    expect(cancelled.code, cancelled.stderr).toBe(0);
    expect(JSON.parse(cancelled.stdout)).toMatchObject({ status: 'cancelled', readOnly: true });
    expect(JSON.parse(cancelled.stdout).deletionDate).not.toBeNull();

    const again = await startHarness(database);
    try {
      const owner = callerFrom(await signInAt(again, '10.78.0.2', email, PASSWORD));
      const write = await call(again, owner, 'POST', '/partners', { name: 'Refused', type: 'both' });
      expect(write.json().code).toBe('account_read_only');
      const changes = (await auditEvents(again, owner, '&action=subscription.plan_changed')).map((e) => e.changes);
      expect(changes).toEqual([
        expect.objectContaining({ status: { before: 'active', after: 'cancelled' } }),
        expect.objectContaining({
          plan: { before: 'enterprise', after: 'team' },
          status: { before: 'trialing', after: 'active' },
        }),
      ]);
    } finally {
      await again.close();
    }
  }, 120_000);

  it('refuses an unknown org, plan or date, and a missing option', async () => {
    const orgId = '00000000-0000-4000-8000-000000000000';
    const unknown = await deedbox('org', 'plan', '--org', orgId, '--plan', 'team');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--org: no organization');
    for (const [args, named] of [
      [['--org', orgId, '--plan', 'platinum'], '--plan'],
      [['--org', orgId, '--plan', 'team', '--period-end', '2027-02-30'], '--period-end'],
      [['--org', orgId], '--plan'],
    ] as const) {
      const res = await deedbox('org', 'plan', ...args);
      expect(res.code, res.stderr).toBe(2);
      expect(res.stderr).toContain(named);
    }
  }, 120_000);
});

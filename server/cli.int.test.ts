import { describe, expect, it } from 'vitest';
import type { Me } from '../common/schemas/auth.js';
import { auditEvents, call, callerFrom, PASSWORD, uniqueEmail } from './test/api.js';
import { cliRunner, type Outcome } from './test/cli.js';
import { startHarness } from './test/harness.js';

const { database, deedbox } = cliRunner('cli');

function json<T>(outcome: Outcome): T {
  if (outcome.code !== 0) throw new Error(`exit ${outcome.code}: ${outcome.stderr}`);
  return JSON.parse(outcome.stdout) as T;
}

describe('the deedbox CLI', () => {
  it('creates an org and an API key the app accepts, and verifies the activity log', async () => {
    const email = uniqueEmail('owner');
    const created = await deedbox(
      'org',
      'create',
      '--name',
      'Cli GmbH',
      '--owner-email',
      email,
      '--owner-password',
      PASSWORD,
    );
    expect(created.stderr).toBe('');
    const { orgId, userId } = json<{ orgId: string; userId: string }>(created);
    expect(orgId).toMatch(/^[0-9a-f-]{36}$/);
    expect(userId).toMatch(/^[0-9a-f-]{36}$/);

    const key = json<{ id: string; token: string; role: string }>(
      await deedbox('apikey', 'create', '--org', orgId, '--name', 'Importer', '--role', 'editor'),
    );
    expect(key.role).toBe('editor');
    expect(key.token).toMatch(/^dbx_/);

    const h = await startHarness(database);
    try {
      const asKey = await call(h, { bearer: key.token }, 'GET', '/me');
      expect(asKey.statusCode).toBe(200);
      const me = asKey.json() as Me;
      expect(me).toMatchObject({
        via: 'apiKey',
        org: { id: orgId, name: 'Cli GmbH' },
        apiKey: { id: key.id, name: 'Importer' },
      });
      expect(me.roles.map((r) => r.role)).toEqual(['editor']);

      const owner = callerFrom(await call(h, null, 'POST', '/auth/sign-in', { email, password: PASSWORD }));
      expect(owner.me).toMatchObject({ user: { id: userId, email }, isAdmin: true });
      const actions = (await auditEvents(h, owner)).map((e) => e.action);
      expect(actions).toEqual(expect.arrayContaining(['org.created', 'api_key.created', 'auth.signed_in']));
    } finally {
      await h.close();
    }

    const verified = await deedbox('audit', 'verify', '--org', orgId);
    expect(verified.code).toBe(0);
    expect(json<{ intact: boolean; checked: number }>(verified)).toMatchObject({ intact: true, checked: 3 });

    // Something to watch: a contract, added through the API key (after the log check above counted its entries).
    const again = await startHarness(database);
    try {
      const lease = { title: 'Lease', lifecycle: { type: 'fixed', startDate: '2029-01-01', endDate: '2031-12-31' } };
      expect((await call(again, { bearer: key.token }, 'POST', '/contracts', lease)).statusCode).toBe(201);
    } finally {
      await again.close();
    }
    // A Monday at 08:00 in the account's zone: the weekly summary goes out once, however often the job runs.
    const reminders = () => deedbox('reminders', 'run', '--org', orgId, '--as-of', '2030-01-07T08:00');
    expect(json<Record<string, number>>(await reminders())).toMatchObject({ orgs: 1, summaries: 1, sent: 1 });
    expect(json<Record<string, number>>(await reminders())).toMatchObject({ orgs: 1, summaries: 0, sent: 0 });
    // Nothing uploaded waits for its text: the extraction run finds nothing to do.
    expect(json<Record<string, number>>(await deedbox('documents', 'extract', '--org', orgId))).toMatchObject({
      claimed: 0,
    });
  }, 120_000);

  it('answers bad arguments with one line on stderr and exit code 2', async () => {
    const org = '3f1e2d4c-5b6a-4978-8a9b-0c1d2e3f4a5b';
    const cases: [string[], RegExp][] = [
      [['frobnicate'], /^deedbox: unknown command "frobnicate"/],
      [['apikey', 'create', '--name', 'Importer', '--role', 'editor'], /^deedbox: --org: /],
      [['apikey', 'create', '--org', org, '--name', 'Importer', '--role', 'owner'], /^deedbox: --role: /],
      [
        ['org', 'create', '--name', 'Acme', '--owner-email', 'not-an-email', '--owner-password', PASSWORD],
        /^deedbox: --owner-email: /,
      ],
      [['reminders', 'run', '--as-of', 'next tuesday'], /^deedbox: --as-of: must be YYYY-MM-DD/],
      [['reminders', 'run', '--as-of', '2027-02-30T08:00'], /^deedbox: --as-of: is not a real date/],
      [['documents', 'extract', '--limit', '0'], /^deedbox: --limit: /],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => deedbox(...args)));
    outcomes.forEach((outcome, i) => {
      expect(outcome.code, cases[i]![0].join(' ')).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(cases[i]![1]);
      expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }, 60_000);
});

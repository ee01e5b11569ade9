import { describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../../test/api.js';
import { cliRunner } from '../../test/cli.js';

const { deedbox } = cliRunner('approvals-cli');

describe('deedbox approvals run', () => {
  it('sweeps one org as of a given time and answers bad arguments with exit code 2', async () => {
    const created = await deedbox(
      'org',
      'create',
      '--name',
      'Approvals GmbH',
      '--owner-email',
      uniqueEmail(),
      '--owner-password',
      PASSWORD,
    );
    const { orgId } = JSON.parse(created.stdout) as { orgId: string };
    const ran = await deedbox('approvals', 'run', '--org', orgId, '--as-of', '2027-03-01T08:00');
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(ran.stdout)).toEqual({ orgs: 1, overdueSteps: 0, mails: 0, errors: 0 });
    const bad = await deedbox('approvals', 'run', '--as-of', '2027-02-30');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^deedbox: --as-of: /);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../../test/api.js';
import { cliRunner } from '../../test/cli.js';

const { deedbox } = cliRunner('contracts-cli');

describe('deedbox contracts refresh | purge', () => {
  it('runs the contract jobs for one org and answers bad arguments with exit code 2', async () => {
    const created = await deedbox(
      'org',
      'create',
      '--name',
      'Jobs GmbH',
      '--owner-email',
      uniqueEmail(),
      '--owner-password',
      PASSWORD,
    );
    const { orgId } = JSON.parse(created.stdout) as { orgId: string };
    const refreshed = await deedbox('contracts', 'refresh', '--org', orgId);
    expect(refreshed).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(refreshed.stdout)).toEqual({ orgs: 1, refreshed: 0 });
    const purged = await deedbox('contracts', 'purge', '--org', orgId);
    expect(purged).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(purged.stdout)).toEqual({ orgs: 1, purged: 0 });
    const bad = await deedbox('contracts', 'purge', '--org', 'nope');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^deedbox: --org: /);
  }, 120_000);
});

import { describe, expect, it } from 'vitest';
import { cliRunner } from '../../test/cli.js';

describe('deedbox signing run', () => {
  const { deedbox } = cliRunner('signing-cli');
  it('runs for one org as of a time; bad arguments exit 2, an unknown envelope 1', async () => {
    // An org id of no org: nothing to do, on any database the CLI shares with this file.
    const orgId = crypto.randomUUID();
    const ran = await deedbox('signing', 'run', '--org', orgId, '--as-of', '2027-03-01T08:00');
    expect(ran).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(ran.stdout)).toEqual({
      orgs: 0,
      expired: 0,
      reminders: 0,
      sealed: 0,
      sealFailed: 0,
      mailed: 0,
      errors: 0,
    });
    const bad = await deedbox('signing', 'run', '--as-of', '2027-02-30');
    expect(bad.code).toBe(2);
    const unknown = await deedbox('signing', 'reseal', '--envelope', crypto.randomUUID());
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/no envelope .* whose sealing failed/);
  }, 180_000);
});

import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PASSWORD, uniqueEmail } from '../../test/api.js';
import { TEST_DATABASE_URL, TEST_DB } from '../../test/harness.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const dataDir = TEST_DB === 'pglite' ? mkdtempSync(path.join(tmpdir(), 'deedbox-contracts-cli-')) : null;
const database: Record<string, string> = dataDir ? { DATA_DIR: dataDir } : { DATABASE_URL: TEST_DATABASE_URL };

async function deedbox(...args: string[]) {
  const env = { PATH: process.env.PATH, HOME: process.env.HOME, NODE_ENV: 'test', SCRYPT_LOG_N: '12', ...database };
  const child = spawn(process.execPath, ['bin/deedbox.js', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, stderr };
}

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

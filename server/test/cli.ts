import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_DATABASE_URL, TEST_DB, TEST_MASTER_KEYS } from './harness.js';

const ROOT = path.resolve(import.meta.dirname, '../..');

export interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The `deedbox` command as a separate process on the database under test. PGlite allows one
 * process per directory, so each test file gets its own data directory and the CLI and an
 * in-process app take turns on it. `baseEnv` goes to every run of this runner.
 */
export function cliRunner(name: string, baseEnv: Record<string, string> = {}) {
  const dataDir = TEST_DB === 'pglite' ? mkdtempSync(path.join(tmpdir(), `deedbox-${name}-`)) : null;
  const database: Record<string, string> = dataDir
    ? { DATA_DIR: dataDir }
    : { DATABASE_URL: TEST_DATABASE_URL, MASTER_KEYS: TEST_MASTER_KEYS };
  /** The command with more environment variables (storage settings, for instance). */
  async function deedboxWith(extraEnv: Record<string, string>, ...args: string[]): Promise<Outcome> {
    const env = {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      SCRYPT_LOG_N: '12',
      ...database,
      ...baseEnv,
      ...extraEnv,
    };
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
  const deedbox = (...args: string[]) => deedboxWith({}, ...args);
  return { dataDir, database, deedbox, deedboxWith };
}

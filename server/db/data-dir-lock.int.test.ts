import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './client.js';
import { DataDirLockedError } from './data-dir-lock.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'deedbox-lock-'));
const lockFile = path.join(dataDir, 'deedbox.lock');
const open = () => openDatabase({ database: { kind: 'pglite', dataDir } });

const children: ChildProcess[] = [];
afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

function deedbox(args: string[], dir: string): ChildProcess {
  const env = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    NODE_ENV: 'test',
    DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const child = spawn(process.execPath, ['bin/deedbox.js', ...args], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  return child;
}

/** Resolves when the server logs that it listens; rejects if it exits first. */
function listening(child: ChildProcess): Promise<void> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (line.includes('Server listening at')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code} before listening: ${stderr}`)));
  });
}

async function exitOf(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk;
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stderr };
}

describe('the PGlite data directory lock', () => {
  it('refuses a second open while the first is open, and changes nothing', async () => {
    const first = await open();
    try {
      const second = open();
      await expect(second).rejects.toBeInstanceOf(DataDirLockedError);
      await expect(second).rejects.toMatchObject({ dataDir, holderPid: process.pid });
      expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
      expect(await first.appliedMigrations()).toBeNull();
    } finally {
      await first.close();
    }
    expect(existsSync(lockFile)).toBe(false);
  }, 60_000);

  it('opens again after the first is closed', async () => {
    const again = await open();
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    await again.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over a lock left by a dead process', async () => {
    const dead = spawnSync(process.execPath, ['-e', '']).pid;
    writeFileSync(lockFile, String(dead));
    const db = await open();
    expect(readFileSync(lockFile, 'utf8')).toBe(String(process.pid));
    await db.close();
  });

  it('takes over a lock naming this pid that this process does not hold (a restarted container)', async () => {
    writeFileSync(lockFile, String(process.pid));
    const db = await open();
    await db.close();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('stops a second server process on the same directory with a message naming it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-lock-serve-'));
    const first = deedbox(['serve'], dir);
    const firstExit = exitOf(first);
    await listening(first);

    const second = await exitOf(deedbox(['serve'], dir));
    expect(second.code).toBe(1);
    expect(second.stderr.trim().split('\n')).toEqual([
      `deedbox: The data directory ${dir} is in use by another Deedbox process (pid ${first.pid}). ` +
        'Stop that process first, or point DATA_DIR elsewhere.',
    ]);

    first.kill('SIGTERM');
    expect((await firstExit).code).toBe(0);
    expect(existsSync(path.join(dir, 'deedbox.lock'))).toBe(false);
  }, 90_000);
});

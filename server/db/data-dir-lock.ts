import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    readonly dataDir: string,
    readonly holderPid: number,
  ) {
    super(
      `The data directory ${dataDir} is in use by another Deedbox process (pid ${holderPid}). ` +
        'Stop that process first, or point DATA_DIR elsewhere.',
    );
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

const heldHere = new Set<string>();

/**
 * Two processes writing one PGlite directory corrupt it, so the first takes an exclusive lock
 * file (created with O_EXCL) and the second fails before touching anything.
 * A lock left by a dead process is taken over. Returns the release function.
 */
export function acquireDataDirLock(dataDir: string): () => void {
  const file = path.resolve(dataDir, 'deedbox.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      heldHere.add(file);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldHere.delete(file);
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(readFileSync(file, 'utf8'), 10);
      // Our own pid is stale (an earlier container had it) unless this process holds the lock.
      const live = holder === process.pid ? heldHere.has(file) : Number.isInteger(holder) && isAlive(holder);
      if (live) throw new DataDirLockedError(dataDir, holder);
      unlinkSync(file);
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}

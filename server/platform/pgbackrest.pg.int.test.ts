import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The pgBackRest commands of docs/operations.md, run by scripts/pgbackrest-drill.sh on a throwaway
// PostgreSQL 15 cluster of its own (temp dir, own ports and socket dir); the shared one is not touched.
// pgBackRest is part of what is tested: a machine without it fails here (npm run test:prereqs installs it).
const SCRIPT = path.resolve(import.meta.dirname, '../../scripts/pgbackrest-drill.sh');

function drill(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    // On timeout the script gets SIGTERM, stops its clusters and removes its work dir.
    execFile('bash', [SCRIPT], { timeout: 150_000, killSignal: 'SIGTERM' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

describe('pgBackRest drill (docs/operations.md)', () => {
  it('archives, backs up, streams to a standby restored from the repository and recovers to a point in time', async () => {
    const { code, stdout, stderr } = await drill();
    expect({ code, stderr: code === 0 ? '' : stderr }, stdout).toEqual({ code: 0, stderr: '' });
    for (const done of [
      'ok: stanza-create, check (WAL archiving works)',
      'ok: backups in the repository (full, diff) (full,diff)',
      'ok: pg_stat_replication on the primary: standby1 streaming',
      'ok: the standby restored WAL from the repository (archive-get)',
      'ok: rows on the standby (after-diff=50 after-full=100 after-target=25 streamed=10)',
      'ok: archiving works again after recovery (new timeline)',
    ]) {
      expect(stdout).toContain(done);
    }
    expect(stdout).toMatch(/ok: rows after point-in-time recovery to .+ \(after-diff=50 after-full=100\)/);
    expect(stdout.trimEnd().endsWith('pgbackrest drill: ok')).toBe(true);
    const workDir = /work dir (\S+),/.exec(stdout)?.[1];
    expect(workDir).toMatch(/^\/tmp\/pgbackrest-drill\./);
    expect(existsSync(workDir!), 'work dir removed').toBe(false);
  }, 180_000);
});

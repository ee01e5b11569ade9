import type { FastifyBaseLogger } from 'fastify';
import type { Database, Session } from '../../db/client.js';

export type Release = () => Promise<void>;

/**
 * Advisory locks that keep two workers from running the same job (or the same org's part of a
 * per-org job) at once. On PostgreSQL they are session locks on a connection of the runner's own,
 * so a worker that dies releases them with its connection; on PGlite, one process by design
 * (the data directory is locked), they are kept in memory.
 */
export interface JobLocks {
  /** Opens the lock connection now rather than at the first lock (the runner listens on it from the start). */
  open(): Promise<void>;
  tryLock(job: string, orgId: string | null): Promise<Release | null>;
  close(): Promise<void>;
}

const held = new WeakMap<Database, Set<string>>();

function inMemory(database: Database): JobLocks {
  const set = held.get(database) ?? new Set<string>();
  held.set(database, set);
  return {
    async open() {},
    async tryLock(job, orgId) {
      const key = `${job}/${orgId ?? ''}`;
      if (set.has(key)) return null;
      set.add(key);
      return async () => {
        set.delete(key);
      };
    },
    async close() {},
  };
}

/** Session locks on one dedicated connection, opened when first needed and again after it was lost. */
function sessionLocks(
  database: Database,
  log: FastifyBaseLogger,
  onSession: (session: Session) => Promise<void>,
): JobLocks {
  let session: Promise<Session> | null = null;
  const connect = async (): Promise<Session> => {
    const current = session ? await session.catch(() => null) : null;
    if (current?.alive()) return current;
    if (current) log.warn('the job lock connection was lost; reconnecting');
    session = (async () => {
      const opened = (await database.openSession())!;
      await onSession(opened);
      return opened;
    })();
    return session;
  };
  return {
    async open() {
      await connect();
    },
    async tryLock(job, orgId) {
      const s = await connect();
      const key = [`deedbox.jobs/${job}`, orgId ?? ''];
      const [row] = await s.query<{ locked: boolean }>(
        'select pg_try_advisory_lock(hashtext($1), hashtext($2)) as locked',
        key,
      );
      if (!row?.locked) return null;
      return async () => {
        // A lost connection took the lock with it, so failing to unlock leaves nothing held.
        if (s.alive()) await s.query('select pg_advisory_unlock(hashtext($1), hashtext($2))', key).catch(() => {});
      };
    },
    async close() {
      const current = session ? await session.catch(() => null) : null;
      session = null;
      await current?.close();
    },
  };
}

/** The runner's locks; `onSession` runs on each new PostgreSQL session (to LISTEN on it). */
export function jobLocks(
  database: Database,
  log: FastifyBaseLogger,
  onSession: (session: Session) => Promise<void> = async () => {},
): JobLocks {
  return database.kind === 'pglite' ? inMemory(database) : sessionLocks(database, log, onSession);
}

import type { Deps } from '../../../platform/context.js';
import { sweepExpiredAuth } from '../../auth/auth.jobs.js';
import { purge } from '../../contracts/contracts.jobs.js';
import { runReminders } from './run.js';

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/**
 * The background work of a Deedbox process: every minute the reminder path (stored dates roll
 * over, due reminders are queued and the outbox is sent), every hour the recycle-bin purge and
 * the sweep of expired sign-ups and sign-in throttles.
 * Any number of processes may run it: per-org advisory locks and SKIP LOCKED claims keep them
 * from doing the same work twice.
 */
export function startWorker(deps: Deps, everyMs = MINUTE_MS): { stop(): Promise<void> } {
  let running: Promise<void> | null = null;
  let stopped = false;
  let lastPurge = 0;
  const tick = () => {
    if (running || stopped) return;
    running = (async () => {
      try {
        const result = await runReminders(deps);
        if (result.deliveries + result.sent + result.retrying + result.failed + result.bounced + result.errors > 0)
          deps.log.info({ reminders: result }, 'reminders ran');
        if (Date.now() - lastPurge >= HOUR_MS) {
          lastPurge = Date.now();
          const purged = await purge(deps);
          if (purged.purged > 0) deps.log.info({ purged: purged.purged }, 'recycle bin purged');
          const swept = await sweepExpiredAuth(deps);
          if (swept.signUps + swept.throttles > 0) deps.log.info({ swept }, 'expired sign-ups and throttles swept');
        }
      } catch (err) {
        deps.log.error({ err }, 'background jobs failed');
      } finally {
        running = null;
      }
    })();
  };
  const timer = setInterval(tick, everyMs).unref();
  tick();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}

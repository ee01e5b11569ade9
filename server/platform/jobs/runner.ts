import type { Deps } from '../context.js';
import type { JobMetrics } from '../metrics.js';
import { failureText } from './failure.js';
import type { JobDefinition } from './job.js';
import { jobLocks } from './locks.js';
import { ORG_QUEUE_POLL_MS, QUEUE_POLL_MS } from './schedule.js';
import { type RunnerEnv, step } from './step.js';
import { decodeWakeup, nudge, onWake, WAKE_CHANNEL } from './wake.js';

/** The longest a lane sleeps before it looks again (another worker may have moved the schedule). */
const MAX_NAP_MS = 60_000;
/** After a due job could not start (another worker holds it) or the runner itself failed. */
const BUSY_NAP_MS = 5_000;

export interface Runner {
  /** Resolves once the runner hears wake-ups from other processes (PostgreSQL; at once on PGlite). */
  listening: Promise<void>;
  /** Lets runs in progress finish, then stops. */
  stop(): Promise<void>;
}

/**
 * Runs the given jobs until stopped: one lane per job, so a slow job never holds up another and
 * no job overlaps itself in this process. Each lane looks when its job is due (a queue job: when
 * woken, or every few seconds), runs it through `step`, and sleeps again.
 */
export function startRunner(deps: Deps, jobs: readonly JobDefinition[], opts: { metrics?: JobMetrics } = {}): Runner {
  // On PostgreSQL the lock connection also LISTENs, so a wake-up in any process reaches this one.
  const locks = jobLocks(deps.database, deps.log, (session) =>
    session.listen(WAKE_CHANNEL, (payload) => {
      const wakeup = decodeWakeup(payload);
      if (wakeup) nudge(deps.database, wakeup);
    }),
  );
  const env: RunnerEnv = { deps, locks, metrics: opts.metrics };
  let stopped = false;
  const lanes = jobs.map((job) => lane(job));
  // Without the connection the lanes still poll; their first lock opens it again.
  const listening = locks
    .open()
    .catch((err: unknown) => deps.log.warn({ error: failureText(err) }, 'job lock connection failed'));

  function lane(job: JobDefinition) {
    const woken = { all: false, orgIds: new Set<string>() };
    let interrupt: (() => void) | null = null;
    const unsubscribe = onWake(deps.database, (wakeup) => {
      if (wakeup.job !== job.name) return;
      if (wakeup.orgId && job.scope === 'per-org') woken.orgIds.add(wakeup.orgId);
      else woken.all = true;
      interrupt?.();
    });
    const poll = job.scope === 'per-org' ? ORG_QUEUE_POLL_MS : QUEUE_POLL_MS;
    const sleep = (ms: number) =>
      new Promise<void>((resolve) => {
        if (stopped || woken.all || woken.orgIds.size > 0) return resolve();
        const timer = setTimeout(done, ms);
        function done() {
          clearTimeout(timer);
          interrupt = null;
          resolve();
        }
        interrupt = done;
      });
    const done = (async () => {
      // Only a queue job's wake-up names orgs; a scheduled sweep always visits every org.
      let orgIds: string[] | undefined;
      while (!stopped) {
        let wait: number;
        try {
          const due = await step(env, job, new Date(), orgIds);
          const ms = due.getTime() - Date.now();
          wait = ms > 0 ? Math.min(ms, MAX_NAP_MS) : job.schedule === 'queue' ? poll : BUSY_NAP_MS;
        } catch (err) {
          deps.log.error({ job: job.name, error: failureText(err) }, 'job runner failed');
          wait = BUSY_NAP_MS;
        }
        await sleep(wait);
        orgIds = job.schedule === 'queue' && !woken.all && woken.orgIds.size > 0 ? [...woken.orgIds] : undefined;
        woken.all = false;
        woken.orgIds.clear();
      }
      unsubscribe();
    })();
    return { done, stop: () => interrupt?.() };
  }

  return {
    listening,
    async stop() {
      stopped = true;
      for (const l of lanes) l.stop();
      await Promise.all(lanes.map((l) => l.done));
      await locks.close();
    },
  };
}

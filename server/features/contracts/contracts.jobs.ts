import { randomUUID } from 'node:crypto';
import { todayIn } from '../../../common/terms/dates.js';
import { type Actor, type Deps, type RequestMeta, runInOrg, transact } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import { allOrgs, type SweptOrg } from '../../platform/jobs/orgs.repo.js';
import { record } from '../audit/audit.service.js';
import { billingColumns } from '../billing-lines/billing-values.js';
import * as importsRepo from '../imports/imports.repo.js';
import { RETENTION_DAYS } from './contracts.bin.js';
import { storedDates } from './contracts.dates.js';
import * as jobsRepo from './contracts.jobs.repo.js';

const JOBS: Actor = { type: 'system', name: 'deedbox jobs' };
const BATCH = 500;
const DAY_MS = 86_400_000;
/** How long an upload that was never committed is kept. */
const ABANDONED_IMPORT_DAYS = 7;

const jobRequest = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-jobs', via: 'cli' });

export interface JobResult {
  orgs: number;
  refreshed: number;
  purged: number;
  /** Org batches another instance was working on at the same moment. */
  skipped: number;
}

async function orgsToSweep(deps: Deps, only?: string) {
  return transact(deps, {}, (tx) => allOrgs(tx, only));
}

/**
 * Runs `batch` in its own transaction per round until it reports fewer than BATCH rows, or
 * another instance holds the org's lock (then that instance does the work).
 */
async function inBatches(
  deps: Deps,
  orgId: string,
  batch: (ctx: Parameters<Parameters<typeof runInOrg>[3]>[0]) => Promise<number>,
): Promise<{ done: number; skipped: boolean }> {
  let done = 0;
  for (;;) {
    const n = await runInOrg(deps, { orgId, actor: JOBS }, jobRequest(), async (ctx) =>
      (await jobsRepo.tryJobLock(ctx.tx, orgId)) ? batch(ctx) : null,
    );
    if (n === null) return { done, skipped: true };
    done += n;
    if (n < BATCH) return { done, skipped: false };
  }
}

/** Recomputes the stored dates and billing values of one org's contracts that may have changed since they were computed. */
async function refreshOrg(deps: Deps, org: SweptOrg, now?: Date) {
  const today = todayIn(org.timeZone, now);
  return inBatches(deps, org.id, async (ctx) => {
    const rows = await jobsRepo.stale(ctx.tx, org.id, today, BATCH);
    for (const row of rows) {
      const dates = storedDates(row.lifecycle, today);
      const values = await billingColumns(ctx.tx, org.id, row.id, dates.endsOn, today);
      await jobsRepo.setDates(ctx.tx, org.id, row.id, { ...dates, ...values });
    }
    return rows.length;
  });
}

/**
 * Recomputes the stored dates of every org's (or one org's) contracts as of `now`: an instant, or
 * one per account time zone (`deedbox reminders run --as-of` with a wall-clock time).
 */
export async function refresh(
  deps: Deps,
  opts: { orgId?: string; now?: Date | ((timeZone: string) => Date) } = {},
): Promise<JobResult> {
  const result: JobResult = { orgs: 0, refreshed: 0, purged: 0, skipped: 0 };
  for (const org of await orgsToSweep(deps, opts.orgId)) {
    const now = typeof opts.now === 'function' ? opts.now(org.timeZone) : opts.now;
    const { done, skipped } = await refreshOrg(deps, org, now);
    result.orgs++;
    result.refreshed += done;
    if (skipped) result.skipped++;
  }
  return result;
}

/** One org's part of `purge`. */
async function purgeOrg(deps: Deps, orgId: string, now: Date) {
  const before = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);
  const purged = await inBatches(deps, orgId, async (ctx) => {
    const rows = await jobsRepo.purgeable(ctx.tx, orgId, before, BATCH);
    for (const row of rows) {
      await record(ctx, {
        action: 'contract.purged',
        objectType: 'contract',
        objectId: row.id,
        extra: { title: row.title, deletedAt: row.deletedAt?.toISOString() ?? null },
      });
    }
    await jobsRepo.hardDelete(
      ctx.tx,
      orgId,
      rows.map((r) => r.id),
    );
    return rows.length;
  });
  await runInOrg(deps, { orgId, actor: JOBS }, jobRequest(), (ctx) =>
    importsRepo.deleteAbandoned(ctx.tx, orgId, new Date(now.getTime() - ABANDONED_IMPORT_DAYS * DAY_MS)),
  );
  return purged;
}

/**
 * Removes for good the contracts deleted more than 30 days before `now`, each with an
 * activity-log entry, and import uploads never committed within a week.
 */
export async function purge(deps: Deps, opts: { orgId?: string; now?: Date } = {}): Promise<JobResult> {
  const result: JobResult = { orgs: 0, refreshed: 0, purged: 0, skipped: 0 };
  for (const org of await orgsToSweep(deps, opts.orgId)) {
    const { done, skipped } = await purgeOrg(deps, org.id, opts.now ?? new Date());
    result.orgs++;
    result.purged += done;
    if (skipped) result.skipped++;
  }
  return result;
}

/**
 * Every minute stored dates roll over to each account's today (reminders and grids read them);
 * every hour the recycle bin and abandoned uploads are emptied. `skipped`: the org's contracts
 * lock was held at that moment (by the other of the two, or `deedbox contracts …`); the next run
 * does the work.
 */
export const contractsJobs: JobDefinition[] = [
  {
    name: 'contracts.refresh-dates',
    scope: 'per-org',
    schedule: { everyMs: 60_000 },
    run: async ({ deps, org, now }) => {
      const { done, skipped } = await refreshOrg(deps, org, now);
      return { refreshed: done, skipped: skipped ? 1 : 0 };
    },
  },
  {
    name: 'contracts.purge',
    scope: 'per-org',
    schedule: { everyMs: 3_600_000 },
    run: async ({ deps, org, now }) => {
      const { done, skipped } = await purgeOrg(deps, org.id, now);
      return { purged: done, skipped: skipped ? 1 : 0 };
    },
  },
];

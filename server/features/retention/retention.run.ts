import { sql } from 'drizzle-orm';
import { deletionDate } from '../../../common/subscriptions.js';
import { rowsOf } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import { type Deps, transact } from '../../platform/context.js';
import type { JobDefinition } from '../../platform/jobs/job.js';
import { allOrgs } from '../../platform/jobs/orgs.repo.js';
import * as subscriptions from '../subscriptions/subscriptions.repo.js';
import { findOrg } from '../users/users.repo.js';
import { type DeletionReason, deleteOrganization } from './org-deletion.js';

export interface RetentionItem {
  orgId: string;
  reason: DeletionReason;
  /** When the org's data became due for deletion. */
  dueAt: string;
}

export interface RetentionRun {
  asOf: string;
  dryRun: boolean;
  /** Due and deleted (or, in a dry run, to be deleted). */
  due: RetentionItem[];
  /** Due, but under a legal hold: kept. */
  held: (RetentionItem & { legalHold: string })[];
  /** Deletions a crash interrupted, completed now (or, in a dry run, to be completed). */
  resumed: string[];
  /** Deleted by this run. */
  deleted: number;
}

/** Orgs whose deletion started and did not finish. */
async function unfinished(deps: Deps): Promise<{ orgId: string; reason: DeletionReason }[]> {
  return deps.database.db.transaction(async (tx) => {
    await setClaims(tx, { retention: 'on' });
    return rowsOf<{ orgId: string; reason: DeletionReason }>(
      await tx.execute(
        sql`select org_id as "orgId", reason from org_deletions where finished_at is null order by started_at`,
      ),
    );
  });
}

/**
 * Whether the org is due for deletion as of `asOf`: an administrator's request whose grace period is
 * over, or a cancellation whose retention period after access ended is over (the earlier counts).
 */
async function dueOf(
  deps: Deps,
  orgId: string,
  asOf: Date,
): Promise<(RetentionItem & { legalHold: string | null }) | null> {
  return transact(deps, { orgId }, async (tx) => {
    const sub = await subscriptions.find(tx, orgId);
    if (!sub) return null;
    const candidates: { reason: DeletionReason; at: Date }[] = [];
    // An administrator's request, once its grace period is over.
    if (sub.deletionDueAt) candidates.push({ reason: 'request', at: sub.deletionDueAt });
    if (sub.status === 'cancelled' && sub.accessUntil) {
      candidates.push({
        reason: 'retention',
        at: deletionDate(sub.accessUntil, deps.config.subscriptions.retentionMonths),
      });
    }
    const first = candidates
      .filter((c) => c.at.getTime() <= asOf.getTime())
      .sort((a, b) => a.at.getTime() - b.at.getTime())[0];
    if (!first) return null;
    const org = await findOrg(tx, orgId);
    if (!org) return null;
    return { orgId, reason: first.reason, dueAt: first.at.toISOString(), legalHold: org.legalHoldReason };
  });
}

/**
 * The retention run (daily, and `deedbox retention run`): completes deletions a crash interrupted,
 * then deletes every organization whose requested deletion's grace period, or whose retention
 * period after cancellation, ended by `asOf` — except those
 * under a legal hold, which are listed. A dry run deletes nothing and lists what would go.
 * `orgIds` limits it to those organizations (`--org`).
 */
export async function runRetention(
  deps: Deps,
  opts: { asOf?: Date; dryRun?: boolean; orgIds?: readonly string[] } = {},
): Promise<RetentionRun> {
  const asOf = opts.asOf ?? new Date();
  const dryRun = opts.dryRun ?? false;
  const run: RetentionRun = { asOf: asOf.toISOString(), dryRun, due: [], held: [], resumed: [], deleted: 0 };
  const named = (orgId: string) => !opts.orgIds || opts.orgIds.includes(orgId);
  for (const { orgId, reason } of (await unfinished(deps)).filter((d) => named(d.orgId))) {
    run.resumed.push(orgId);
    if (!dryRun) await deleteOrganization(deps, orgId, reason);
  }
  const orgs = await transact(deps, {}, (tx) => allOrgs(tx, opts.orgIds));
  for (const { id } of orgs) {
    const item = await dueOf(deps, id, asOf);
    if (!item) continue;
    const { legalHold, ...due } = item;
    if (legalHold !== null) {
      run.held.push({ ...due, legalHold });
      continue;
    }
    run.due.push(due);
    if (!dryRun) {
      await deleteOrganization(deps, id, due.reason);
      run.deleted++;
    }
  }
  if (!dryRun && (run.deleted > 0 || run.resumed.length > 0)) {
    deps.log.info({ deleted: run.deleted, resumed: run.resumed.length, held: run.held.length }, 'retention run');
  }
  return run;
}

export const retentionJobs: JobDefinition[] = [
  {
    name: 'retention.run',
    scope: 'global',
    schedule: { dailyAt: '03:00' },
    run: async ({ deps, now }) => {
      const run = await runRetention(deps, { asOf: now });
      return { deleted: run.deleted, resumed: run.resumed.length, held: run.held.length };
    },
  },
];

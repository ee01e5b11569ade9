import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { orgToday } from './contracts.access.js';
import { storedDates } from './contracts.dates.js';
import * as jobsRepo from './contracts.jobs.repo.js';
import { presentContract } from './contracts.presenter.js';
import * as repo from './contracts.repo.js';

/** How long a deleted contract stays in the recycle bin before the purge job removes it. */
export const RETENTION_DAYS = 30;
const DAY_MS = 86_400_000;

export const purgeOn = (deletedAt: Date) =>
  new Date(deletedAt.getTime() + RETENTION_DAYS * DAY_MS).toISOString().slice(0, 10);

/** Administrators: contracts deleted in the last 30 days, most recent first. */
export async function recycleBin(ctx: Ctx, limit: number, after?: [string, string]) {
  requireAdmin(ctx);
  const since = new Date(Date.now() - RETENTION_DAYS * DAY_MS);
  const rows = await jobsRepo.recycleBin(ctx.tx, ctx.orgId, since, limit + 1, after);
  const items = rows.slice(0, limit).map((r) => ({
    ...r,
    deletedAt: r.deletedAt.toISOString(),
    purgeOn: purgeOn(r.deletedAt),
  }));
  const last = rows.length > limit ? items.at(-1) : undefined;
  return { items, next: last ? ([last.deletedAt, last.id] as [string, string]) : null };
}

/** Administrators: takes a contract out of the recycle bin, unless its number has been given to another since. */
export async function restore(ctx: Ctx, id: string) {
  requireAdmin(ctx);
  const row = await jobsRepo.findDeleted(ctx.tx, ctx.orgId, id);
  if (!row) throw AppError.notFound('Deleted contract');
  if (row.contractNumber && (await repo.numberTaken(ctx.tx, ctx.orgId, row.contractNumber, id))) {
    throw AppError.because(
      'conflict',
      'number_reused',
      `Contract number ${row.contractNumber} is now used by another contract; change that one first.`,
      { number: row.contractNumber },
    );
  }
  const today = await orgToday(ctx);
  const restored = await repo.update(ctx.tx, ctx.orgId, id, { deletedAt: null, ...storedDates(row.lifecycle, today) });
  await record(ctx, {
    action: 'contract.restored',
    objectType: 'contract',
    objectId: id,
    changes: { deletedAt: { before: row.deletedAt?.toISOString() ?? null, after: null } },
  });
  return presentContract(ctx.actor, restored, today);
}

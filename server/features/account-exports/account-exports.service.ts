import { randomUUID } from 'node:crypto';
import type { AccountExport } from '../../../common/schemas/account-exports.js';
import type { Ctx, Deps } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { wake } from '../../platform/jobs/wake.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import type { Sealed } from '../documents/documents.content.js';
import { rowKey } from '../documents/documents.keys.js';
import { asSystem, BUILD_JOB } from './account-exports.build.js';
import { exportBlobContext, exportContext } from './account-exports.keys.js';
import * as repo from './account-exports.repo.js';

const LIST_LIMIT = 50;
const iso = (d: Date | null) => d?.toISOString() ?? null;

function present({ row, requester }: { row: repo.ExportRow; requester: string | null }): AccountExport {
  return {
    id: row.id,
    status: row.status,
    locale: row.locale,
    requestedBy: requester,
    done: row.done,
    total: row.total,
    error: row.error,
    size: row.size,
    sha256: row.sha256,
    counts: row.counts,
    createdAt: row.createdAt.toISOString(),
    startedAt: iso(row.startedAt),
    finishedAt: iso(row.finishedAt),
    expiresAt: iso(row.expiresAt),
  };
}

/** Queues an export of the whole account for the build job; one at a time per org. */
export async function request(ctx: Ctx, input: { locale: AccountExport['locale'] }): Promise<AccountExport> {
  requireAdmin(ctx);
  if (await repo.findPending(ctx.tx, ctx.orgId)) {
    throw AppError.because('conflict', 'export_in_progress', 'An export of this account is already being made.');
  }
  const row = await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id: randomUUID(),
    locale: input.locale,
    requestedBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await record(ctx, {
    action: 'account_export.requested',
    objectType: 'account_export',
    objectId: row.id,
    extra: { locale: input.locale },
  });
  await wake(ctx, BUILD_JOB);
  return present({ row, requester: ctx.actor.type === 'user' ? ctx.actor.name : null });
}

export async function list(ctx: Ctx): Promise<AccountExport[]> {
  requireAdmin(ctx);
  return (await repo.list(ctx.tx, ctx.orgId, LIST_LIMIT)).map(present);
}

export async function get(ctx: Ctx, id: string): Promise<AccountExport> {
  requireAdmin(ctx);
  const found = await repo.find(ctx.tx, ctx.orgId, id);
  if (!found) throw AppError.notFound('Export');
  return present(found);
}

/** What a download sends, once the transaction that authorised and logged it has committed. */
export interface ExportDownload {
  sealed: Sealed;
  createdAt: Date;
}

/** A finished export's ZIP, logged as downloaded (every download is). */
export async function download(ctx: Ctx, id: string, now = new Date()): Promise<ExportDownload> {
  requireAdmin(ctx);
  const found = await repo.find(ctx.tx, ctx.orgId, id);
  if (!found) throw AppError.notFound('Export');
  const { row } = found;
  if (row.status === 'expired' || (row.expiresAt && row.expiresAt <= now)) {
    throw AppError.because('gone', 'export_expired', 'This export was deleted 7 days after it was made.');
  }
  if (row.status !== 'done' || !row.blobName || !row.dataKey || row.orgKeyVersion === null) {
    throw AppError.because('conflict', 'export_not_ready', 'This export is not ready to download.');
  }
  const key = await rowKey(
    ctx,
    { dataKey: row.dataKey, orgKeyVersion: row.orgKeyVersion },
    exportContext(ctx.orgId, id),
  );
  await record(ctx, {
    action: 'account_export.downloaded',
    objectType: 'account_export',
    objectId: id,
    extra: { size: row.size, sha256: row.sha256 },
  });
  return {
    createdAt: row.createdAt,
    sealed: {
      store: ctx.deps.blobs,
      blobName: row.blobName,
      key,
      context: exportBlobContext(ctx.orgId, id),
      size: row.size!,
      sealedSize: row.sealedSize!,
    },
  };
}

const EXPIRE_BATCH = 100;

/**
 * Deletes the ZIPs whose 7 days are over: the blob first, then the row is marked expired (its key
 * dropped) with an activity-log entry. A blob the store fails to delete keeps its row for the next run.
 */
export async function expireExports(deps: Deps, orgId: string, now: Date): Promise<{ expired: number }> {
  const run = asSystem(deps, orgId);
  let expired = 0;
  for (;;) {
    const rows = await run((ctx) => repo.expired(ctx.tx, orgId, now, EXPIRE_BATCH));
    let failed = 0;
    for (const row of rows) {
      try {
        if (row.blobName) await deps.blobs.delete(row.blobName);
      } catch (err) {
        deps.log.error({ err, orgId, exportId: row.id }, 'account export: the store did not delete the ZIP');
        failed++;
        continue;
      }
      await run(async (ctx) => {
        await repo.update(ctx.tx, orgId, row.id, {
          status: 'expired',
          blobName: null,
          dataKey: null,
          orgKeyVersion: null,
        });
        await record(ctx, { action: 'account_export.expired', objectType: 'account_export', objectId: row.id });
      });
      expired++;
    }
    if (rows.length < EXPIRE_BATCH || failed > 0) return { expired };
  }
}

import { randomUUID } from 'node:crypto';
import { type Actor, type Deps, type RequestMeta, runInOrg } from '../../platform/context.js';
import { record } from '../audit/audit.service.js';
import { RETENTION_DAYS } from '../contracts/contracts.bin.js';
import * as repo from './documents.repo.js';

const PURGE: Actor = { type: 'system', name: 'deedbox jobs' };
const jobRequest = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-jobs', via: 'cli' });
const BATCH = 200;
const DAY_MS = 86_400_000;
/** A blob the store failed to delete is tried again after this long. */
const RETRY_DELETE_MS = 3_600_000;

export interface PurgeCounts {
  /** Documents removed for good after 30 days in the recycle bin. */
  purged: number;
  /** Blobs deleted from the store (purged versions, purged contracts' files, abandoned uploads). */
  blobsDeleted: number;
  /** Blobs the store refused to delete this time; filed again for later. */
  blobsFailed: number;
}

/** Removes the documents that have been in the bin for 30 days, each with an activity-log entry. */
async function purgeBin(deps: Deps, orgId: string, now: Date): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * DAY_MS);
  let purged = 0;
  for (;;) {
    const n = await runInOrg(deps, { orgId, actor: PURGE }, jobRequest(), async (ctx) => {
      const rows = await repo.expiredInBin(ctx.tx, orgId, before, BATCH);
      for (const row of rows) {
        await record(ctx, { action: 'document.purged', objectType: 'document', objectId: row.id });
      }
      // Their versions go with them; the trigger of migration 0020 files each version's blob.
      await repo.remove(
        ctx.tx,
        orgId,
        rows.map((r) => r.id),
      );
      return rows.length;
    });
    purged += n;
    if (n < BATCH) return purged;
  }
}

/**
 * Deletes the blobs filed for removal whose time has come. Each batch is claimed (its rows
 * deleted) and committed before the store is touched, so an upload still holding one of them
 * finds it gone and is refused instead of committing a document whose blob is being deleted.
 */
async function deleteBlobs(deps: Deps, orgId: string, now: Date): Promise<Omit<PurgeCounts, 'purged'>> {
  const counts = { blobsDeleted: 0, blobsFailed: 0 };
  for (;;) {
    const names = await runInOrg(deps, { orgId, actor: PURGE }, jobRequest(), (ctx) =>
      repo.claimBlobDeletions(ctx.tx, orgId, now, BATCH),
    );
    const failed: string[] = [];
    for (const name of names) {
      try {
        await deps.blobs.delete(name);
        counts.blobsDeleted++;
      } catch (err) {
        deps.log.error({ err, orgId, blobName: name }, 'document purge: the store did not delete a blob');
        failed.push(name);
      }
    }
    if (failed.length > 0) {
      const later = new Date(now.getTime() + RETRY_DELETE_MS);
      await runInOrg(deps, { orgId, actor: PURGE }, jobRequest(), async (ctx) => {
        for (const name of failed) await repo.fileBlob(ctx.tx, orgId, name, later);
      });
      counts.blobsFailed += failed.length;
    }
    if (names.length < BATCH) return counts;
  }
}

/** One org's document purge: the recycle bin after 30 days, then every blob filed for removal. */
export async function purgeDocuments(deps: Deps, orgId: string, now: Date): Promise<PurgeCounts> {
  const purged = await purgeBin(deps, orgId, now);
  return { purged, ...(await deleteBlobs(deps, orgId, now)) };
}

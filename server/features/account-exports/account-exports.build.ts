import { randomUUID } from 'node:crypto';
import { pipeline } from 'node:stream/promises';
import { eq } from 'drizzle-orm';
import { ACCOUNT_EXPORT_DAYS } from '../../../common/schemas/account-exports.js';
import { orgs } from '../../db/schema/index.js';
import { type Actor, type Ctx, type Deps, type RequestMeta, runInOrg } from '../../platform/context.js';
import { IntegrityError, sealStream } from '../../platform/crypto/seal.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import { newRowKeys } from '../documents/documents.keys.js';
import { ACTIVITY_LOG_FILE, VERIFIER_FILE, writeContents } from './account-exports.contents.js';
import { exportBlobContext, exportBlobName, exportContext } from './account-exports.keys.js';
import * as repo from './account-exports.repo.js';
import { ExportZip, Tap } from './account-exports.zip.js';

export const BUILD_JOB = 'account-exports.build';
const SYSTEM: Actor = { type: 'system', name: 'deedbox account export' };
const jobRequest = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-jobs', via: 'cli' });

/** Runs work in the org as the export job, one transaction each. */
export const asSystem =
  (deps: Deps, orgId: string) =>
  <T>(fn: (ctx: Ctx) => Promise<T>): Promise<T> =>
    runInOrg(deps, { orgId, actor: SYSTEM }, jobRequest(), fn);
/** A build holds its row this long past its last sign of progress; then another worker starts it again. */
const LEASE_MS = 15 * 60_000;
/** Builds tried per export; one interrupted this often is marked failed. */
export const MAX_BUILD_ATTEMPTS = 3;
/** Progress is written at most this often (and at the end). */
const PROGRESS_EVERY_MS = 1_000;
const DAY_MS = 86_400_000;

export const HASH_ALGORITHM =
  'Each entry of data/activity-log.json (in seq order) has hash = SHA-256 hex of (prevHash + "\\n" + canonical JSON of ' +
  'its fields orgId, seq, id, occurredAt, actorType, actorId, subjectId, action, objectType, objectId, data, ' +
  'personalCommitment). Canonical JSON: JSON.stringify with object keys sorted by code unit at every depth, no spaces. ' +
  'The first entry links to 64 zeros. personalCommitment = SHA-256 hex of (personal.salt + "\\n" + canonical JSON of ' +
  'personal.content), unless the personal data was erased (personal is null). The last hash and the number of entries ' +
  `must equal activityLog.head. Run \`node ${VERIFIER_FILE}\` in the unzipped folder to check it and every file's SHA-256.`;

/** What an administrator reads when a build fails: the cause when it is theirs to know, else where to look. */
function failureReason(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof IntegrityError) return 'A stored document failed its integrity check, so no export was made.';
  if (error instanceof Error && error.message.startsWith('document version '))
    return 'A stored document did not match the checksum taken at its upload, so no export was made.';
  return 'The export could not be built. The server log names the cause; start a new export to try again.';
}

interface Built {
  size: number;
  sealedSize: number;
  sha256: string;
  counts: Record<string, number>;
}

/**
 * Writes the ZIP through the sealer into the store as it is made: nothing but sealed bytes is ever
 * stored, and memory stays flat. On any failure nothing stays under the blob's name.
 */
async function writeSealedZip(deps: Deps, row: repo.ExportRow, key: Buffer): Promise<Built> {
  const orgId = row.orgId;
  const read = asSystem(deps, orgId);
  const blobName = exportBlobName(orgId, row.id);
  const exportedAt = new Date();
  const zip = new ExportZip(exportedAt);
  const meter = new Tap();
  const sealer = sealStream(key, exportBlobContext(orgId, row.id));
  for (const s of [meter, sealer]) s.on('error', () => undefined);
  const put = deps.blobs.put(blobName, meter.pipe(sealer));
  const feed = pipeline(zip.output, meter);
  const stop = (error: unknown) => {
    const err = error instanceof Error ? error : new Error(String(error));
    zip.fail(err);
    sealer.destroy(err);
  };
  put.catch(stop);
  feed.catch(stop);

  let total = 0;
  let done = 0;
  let written = 0;
  const save = () =>
    read((ctx) => repo.setProgress(ctx.tx, orgId, row.id, done, total, new Date(Date.now() + LEASE_MS)));
  const progress = {
    total: async (n: number) => {
      total = n;
      await save();
    },
    add: async (n: number) => {
      done += n;
      if (Date.now() - written < PROGRESS_EVERY_MS) return;
      written = Date.now();
      await save();
    },
  };
  try {
    const org = await read(async (ctx) => {
      const [found] = await ctx.tx.select({ id: orgs.id, name: orgs.name }).from(orgs).where(eq(orgs.id, orgId));
      return found!;
    });
    const contents = await writeContents(zip, { deps, orgId, locale: row.locale, read, progress });
    const manifest = {
      format: 'deedbox-account-export',
      version: 1,
      exportedAt: exportedAt.toISOString(),
      org,
      exportId: row.id,
      csv: { locale: row.locale, encoding: 'UTF-8 with BOM', separator: row.locale === 'de' ? ';' : ',' },
      counts: contents.counts,
      activityLog: { file: ACTIVITY_LOG_FILE, head: contents.head, algorithm: HASH_ALGORITHM },
      entries: zip.entries,
    };
    await zip.text('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
    zip.end();
    const [stored] = await Promise.all([put, feed]);
    done = total;
    await save();
    return { size: meter.size, sealedSize: stored.size, sha256: meter.hash.digest('hex'), counts: contents.counts };
  } catch (error) {
    stop(error);
    zip.output.destroy();
    await Promise.allSettled([put, feed]);
    await deps.blobs.delete(blobName).catch(() => undefined);
    throw error;
  }
}

/** Builds one claimed export; its row ends done (downloadable for 7 days) or failed with the reason. */
async function build(deps: Deps, row: repo.ExportRow): Promise<'built' | 'failed' | 'lost'> {
  const orgId = row.orgId;
  const inOrg = asSystem(deps, orgId);
  const context = exportContext(orgId, row.id);
  try {
    const keys = await inOrg((ctx) => newRowKeys(ctx, context));
    const built = await writeSealedZip(deps, row, keys.key);
    const finished = await inOrg(async (ctx) => {
      if (!(await repo.lockRunning(ctx.tx, orgId, row.id, row.attempts))) return false;
      const finishedAt = new Date();
      await repo.update(ctx.tx, orgId, row.id, {
        status: 'done',
        blobName: exportBlobName(orgId, row.id),
        size: built.size,
        sealedSize: built.sealedSize,
        sha256: built.sha256,
        dataKey: keys.wrapped,
        orgKeyVersion: keys.orgKeyVersion,
        counts: built.counts,
        finishedAt,
        expiresAt: new Date(finishedAt.getTime() + ACCOUNT_EXPORT_DAYS * DAY_MS),
        leaseUntil: null,
      });
      await record(ctx, {
        action: 'account_export.completed',
        objectType: 'account_export',
        objectId: row.id,
        extra: { size: built.size, sha256: built.sha256, counts: built.counts },
      });
      return true;
    });
    // Another worker took the build over (this one stalled past its lease): its ZIP is the one kept.
    if (!finished) return 'lost';
    return 'built';
  } catch (error) {
    deps.log.error({ err: error, orgId, exportId: row.id }, 'account export failed');
    const reason = failureReason(error);
    const marked = await inOrg(async (ctx) => {
      if (!(await repo.lockRunning(ctx.tx, orgId, row.id, row.attempts))) return false;
      await repo.update(ctx.tx, orgId, row.id, {
        status: 'failed',
        error: reason,
        finishedAt: new Date(),
        leaseUntil: null,
      });
      await record(ctx, {
        action: 'account_export.failed',
        objectType: 'account_export',
        objectId: row.id,
        extra: { reason },
      });
      return true;
    });
    return marked ? 'failed' : 'lost';
  }
}

const INTERRUPTED = 'The export was interrupted three times (the worker stopped), so it was given up. Start a new one.';

/** The org's next queued export, built now; exports whose worker died too often are marked failed first. */
export async function buildNext(deps: Deps, orgId: string, now: Date): Promise<{ built: number; failed: number }> {
  const counts = { built: 0, failed: 0 };
  const claimed = await asSystem(
    deps,
    orgId,
  )(async (ctx) => {
    const given = await repo.failAbandoned(ctx.tx, orgId, now, MAX_BUILD_ATTEMPTS, INTERRUPTED);
    for (const { id } of given) {
      await record(ctx, {
        action: 'account_export.failed',
        objectType: 'account_export',
        objectId: id,
        extra: { reason: INTERRUPTED },
      });
    }
    counts.failed += given.length;
    return repo.claim(ctx.tx, orgId, now, new Date(now.getTime() + LEASE_MS));
  });
  if (!claimed) return counts;
  const outcome = await build(deps, claimed);
  if (outcome === 'built') counts.built++;
  if (outcome === 'failed') counts.failed++;
  return counts;
}

import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import type { TextStatus } from '../../../common/schemas/documents.js';
import { type Actor, type Deps, type RequestMeta, runInOrg, transact } from '../../platform/context.js';
import { allOrgs } from '../../platform/jobs/orgs.repo.js';
import { openSealed, type Sealed } from './documents.content.js';
import { blobContext, rowKey, sealField, versionContext } from './documents.keys.js';
import { scratchFile } from './documents.receive.js';
import * as repo from './documents.text.repo.js';
import { type ExtractResult, extractText } from './text/extract.js';

export const EXTRACT_TEXT_JOB = 'documents.extract-text';
/** Tries per version; a file that times out or crashes its parser this often is marked failed. */
export const MAX_TEXT_ATTEMPTS = 3;
/** The wait before the second and the third try. */
const RETRY_AFTER_MS = [60_000, 10 * 60_000];
/** Text kept per version (about 300 dense pages); later pages are not searchable. */
export const MAX_TEXT_CHARS = 1_000_000;
const MB = 1024 * 1024;
const MAX_TIME_LIMIT_MS = 20 * 60_000;
/** Longer than any time limit, so a live worker never loses its claim. */
const LEASE_MS = MAX_TIME_LIMIT_MS + 5 * 60_000;

/**
 * How long one file may take: 30 s, and 30 s more per MB — a scanned A4 page is about 0.1–0.5 MB
 * and OCR reads one in 4–5 s on an idle core — at most 20 minutes.
 */
export function extractTimeLimitMs(bytes: number): number {
  return Math.min(30_000 + Math.ceil((bytes / MB) * 30_000), MAX_TIME_LIMIT_MS);
}

const JOBS: Actor = { type: 'system', name: 'deedbox text extraction' };
const jobRequest = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-jobs', via: 'cli' });

export interface ExtractOptions {
  /** Versions to work on in this run, at most. */
  limit: number;
  now?: Date;
  /** Replaces extractTimeLimitMs for every file (tests). */
  timeLimitMs?: number;
}

export interface ExtractCounts {
  /** Versions worked on; the others count outcomes, failed also those whose last try was abandoned. */
  claimed: number;
  extracted: number;
  noText: number;
  ocrUnavailable: number;
  retrying: number;
  failed: number;
}

const zero = (): ExtractCounts => ({ claimed: 0, extracted: 0, noText: 0, ocrUnavailable: 0, retrying: 0, failed: 0 });

type Outcome = { status: TextStatus; after: Date | null; pages?: string[] };

/** A timeout or a crash may pass (a busy machine, a killed process); a refusal of the file will not. */
function outcomeOf(result: ExtractResult, attempts: number, now: Date): Outcome {
  switch (result.status) {
    case 'extracted':
      return { status: 'extracted', after: null, pages: result.pages };
    case 'no_text':
    case 'ocr_unavailable':
      return { status: result.status, after: null };
    case 'failed': {
      const retry = result.reason === 'timeout' || result.reason === 'unreadable';
      if (retry && attempts < MAX_TEXT_ATTEMPTS) {
        return { status: 'pending', after: new Date(now.getTime() + RETRY_AFTER_MS[attempts - 1]!) };
      }
      return { status: 'failed', after: null };
    }
  }
}

/** The file's text, read from a private plaintext copy that is removed whatever happens. */
async function readText(deps: Deps, sealed: Sealed, mimeType: string, timeoutMs: number): Promise<ExtractResult> {
  const file = await scratchFile();
  try {
    await pipeline(await openSealed(sealed), createWriteStream(file, { flags: 'wx', mode: 0o600 }));
    return await extractText({ file, mimeType }, { timeoutMs, maxChars: MAX_TEXT_CHARS, ocr: 'auto' });
  } catch (err) {
    // A blob that fails its integrity check or cannot be read from the store: tried again like a crash.
    deps.log.error({ err, blobName: sealed.blobName }, 'document text: the stored file could not be read');
    return { status: 'failed', reason: 'unreadable' };
  } finally {
    await rm(file, { force: true });
  }
}

async function record(deps: Deps, orgId: string, claimed: repo.ClaimedVersion, key: Buffer, outcome: Outcome) {
  await runInOrg(deps, { orgId, actor: JOBS }, jobRequest(), async (ctx) => {
    if (!(await repo.lockClaimed(ctx.tx, orgId, claimed))) return;
    if (outcome.pages) {
      const context = versionContext(orgId, claimed.id);
      const pages = outcome.pages
        .map((text, i) => ({ page: i + 1, text }))
        .filter((p) => p.text.trim() !== '')
        .map((p) => ({ ...p, sealed: sealField(key, context, `text/${p.page}`, p.text) }));
      const scope = await repo.scopeOf(ctx.tx, orgId, claimed.documentId);
      await repo.storePages(ctx.tx, orgId, { id: claimed.id, scope }, pages);
    }
    await repo.setStatus(ctx.tx, orgId, claimed.id, outcome);
  });
}

const COUNTED: Record<TextStatus, keyof ExtractCounts> = {
  pending: 'retrying',
  extracted: 'extracted',
  no_text: 'noText',
  ocr_unavailable: 'ocrUnavailable',
  failed: 'failed',
};

/**
 * Extracts the text of one org's pending versions, one file at a time: each claim commits
 * before the slow work, so uploads never wait for it, and the outcome is recorded in a
 * transaction of its own. A file that times out or crashes is tried again later, and marked
 * 'failed' after MAX_TEXT_ATTEMPTS; the document stays usable either way.
 */
export async function extractForOrg(deps: Deps, orgId: string, opts: ExtractOptions): Promise<ExtractCounts> {
  const counts = zero();
  const now = opts.now ?? new Date();
  const claimed = await runInOrg(deps, { orgId, actor: JOBS }, jobRequest(), async (ctx) => {
    counts.failed += await repo.failAbandoned(ctx.tx, orgId, now, MAX_TEXT_ATTEMPTS);
    const rows = await repo.claim(ctx.tx, orgId, {
      now,
      leaseUntil: new Date(now.getTime() + LEASE_MS),
      limit: opts.limit,
      maxAttempts: MAX_TEXT_ATTEMPTS,
    });
    const keyed: { row: repo.ClaimedVersion; key: Buffer }[] = [];
    for (const row of rows) keyed.push({ row, key: await rowKey(ctx, row, versionContext(orgId, row.id)) });
    return keyed;
  });
  counts.claimed = claimed.length;
  for (const { row, key } of claimed) {
    const sealed: Sealed = {
      store: deps.blobs,
      blobName: row.blobName,
      key,
      context: blobContext(orgId, row.id),
      size: row.size,
      sealedSize: row.sealedSize,
    };
    const result = await readText(deps, sealed, row.mimeType, opts.timeLimitMs ?? extractTimeLimitMs(row.size));
    if (result.status === 'failed') {
      deps.log.warn({ orgId, versionId: row.id, reason: result.reason, attempt: row.attempts }, 'document text failed');
    }
    const outcome = outcomeOf(result, row.attempts, opts.now ?? new Date());
    await record(deps, orgId, row, key, outcome);
    counts[COUNTED[outcome.status]]++;
  }
  return counts;
}

/** extractForOrg over every org, until `limit` versions have been worked on. */
export async function extractPending(deps: Deps, opts: ExtractOptions & { orgId?: string }): Promise<ExtractCounts> {
  const total = zero();
  let left = opts.limit;
  const orgs = await transact(deps, {}, (tx) => allOrgs(tx, opts.orgId));
  for (const org of orgs) {
    if (left <= 0) break;
    const counts = await extractForOrg(deps, org.id, { ...opts, limit: left });
    for (const k of Object.keys(total) as (keyof ExtractCounts)[]) total[k] += counts[k];
    left -= counts.claimed;
  }
  return total;
}

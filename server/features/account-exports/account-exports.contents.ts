import type { Tx } from '../../db/client.js';
import type { StoredEvent } from '../audit/audit.chain.js';
import * as audit from '../audit/audit.repo.js';
import type { Column } from '../exports/columns.js';
import * as data from './account-exports.data.repo.js';
import { writeDocuments } from './account-exports.documents.js';
import { type ContentsEnv, cellOf, plainColumns, writeBoth } from './account-exports.files.js';
import { VERIFIER_SOURCE } from './account-exports.verifier.js';
import type { ExportZip } from './account-exports.zip.js';

export type { ContentsEnv };

const PAGE = 500;
export const ACTIVITY_LOG_FILE = 'data/activity-log.json';
export const VERIFIER_FILE = 'verify-activity-log.mjs';

export interface Contents {
  counts: Record<string, number>;
  head: { events: number; hash: string | null };
}

async function* datasetPages(env: ContentsEnv, ds: data.Dataset): AsyncGenerator<data.Row[]> {
  let after: string | null = null;
  for (;;) {
    const cursor: string | null = after;
    const rows: data.Row[] = await env.read((ctx) => ds.page(ctx.tx, env.orgId, cursor, PAGE));
    if (rows.length > 0) yield rows;
    if (rows.length < PAGE) return;
    after = String(rows.at(-1)!.id);
  }
}

const ACTIVITY_CSV: Column[] = [
  ...plainColumns(['seq', 'occurredAt', 'action', 'objectType', 'objectId', 'actorType', 'actorId']),
  {
    key: 'actorName',
    label: 'actorName',
    value: ({ record }) => cellOf((record.personal as StoredEvent['personal'])?.content.actorName),
  },
  ...plainColumns(['subjectId', 'data', 'prevHash', 'hash']),
];

async function* eventPages(env: ContentsEnv, headSeq: number): AsyncGenerator<data.Row[]> {
  let after = 0;
  while (after < headSeq) {
    const from = after;
    const batch = await env.read((ctx) => audit.listAscending(ctx.tx, env.orgId, from, PAGE));
    const kept = batch.filter((e) => e.seq <= headSeq);
    if (kept.length > 0) yield kept as unknown as data.Row[];
    if (batch.length < PAGE || kept.length < batch.length) return;
    after = batch.at(-1)!.seq;
  }
}

async function countAll(tx: Tx, orgId: string) {
  const rows: number[] = [];
  for (const ds of data.DATASETS) rows.push(await ds.count(tx, orgId));
  return { rows: rows.reduce((a, b) => a + b, 0), ...(await data.countDocuments(tx, orgId)) };
}

/**
 * Writes everything but the manifest: each kind of record as JSON and CSV, the documents, the
 * activity log up to the head read first (events written while the export runs come after it), and
 * the offline verifier. Answers the counts and the head for the manifest.
 */
export async function writeContents(zip: ExportZip, env: ContentsEnv): Promise<Contents> {
  const { head, totals } = await env.read(async (ctx) => ({
    head: await audit.findHead(ctx.tx, env.orgId),
    totals: await countAll(ctx.tx, env.orgId),
  }));
  const headSeq = head?.seq ?? 0;
  await env.progress.total(2 * (totals.rows + totals.documents + headSeq) + totals.versions);
  const counts: Record<string, number> = {};
  for (const ds of data.DATASETS) {
    counts[ds.name] = await writeBoth(zip, env, ds.name, plainColumns(ds.columns), () => datasetPages(env, ds));
  }
  const docs = await writeDocuments(zip, env);
  counts.documents = docs.documents;
  counts.documentFiles = docs.files;
  counts.activityLog = await writeBoth(zip, env, 'activity-log', ACTIVITY_CSV, () => eventPages(env, headSeq));
  await zip.text(VERIFIER_FILE, VERIFIER_SOURCE);
  return { counts, head: { events: headSeq, hash: headSeq > 0 ? head!.hash : null } };
}

import type { Writable } from 'node:stream';
import type { Tx } from '../../db/client.js';
import type { Ctx, Deps } from '../../platform/context.js';
import type { StoredEvent } from '../audit/audit.chain.js';
import * as audit from '../audit/audit.repo.js';
import { openSealed } from '../documents/documents.content.js';
import { blobContext, documentContext, openField, rowKeyOpener, versionContext } from '../documents/documents.keys.js';
import type { Cell, Column } from '../exports/columns.js';
import type { Locale } from '../exports/labels.js';
import { csvWriter } from '../exports/writers.js';
import * as data from './account-exports.data.repo.js';
import { VERIFIER_SOURCE } from './account-exports.verifier.js';
import { type ExportZip, PathPlanner, safeName, writeText } from './account-exports.zip.js';

const PAGE = 500;
const DOCUMENT_PAGE = 100;
export const ACTIVITY_LOG_FILE = 'data/activity-log.json';
export const VERIFIER_FILE = 'verify-activity-log.mjs';

export interface ContentsEnv {
  deps: Deps;
  orgId: string;
  locale: Locale;
  /** One short transaction in the org (a page each), so a long export holds no connection. */
  read: <T>(fn: (ctx: Ctx) => Promise<T>) => Promise<T>;
  /** Told the total once, then every item (row or file) written. */
  progress: { total(n: number): Promise<void>; add(n: number): Promise<void> };
}

export interface Contents {
  counts: Record<string, number>;
  head: { events: number; hash: string | null };
}

/** A value as one CSV cell: timestamps as ISO text, lists and objects as JSON. */
function cellOf(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return JSON.stringify(value);
}

const plainColumns = (keys: readonly string[]): Column[] =>
  keys.map((key) => ({ key, label: key, value: ({ record }) => cellOf(record[key]) }));

const asCells = (columns: Column[], rows: data.Row[]): Cell[][] =>
  rows.map((record) => columns.map((c) => c.value({ record, names: () => null, word: () => null })));

/** `[`, one record per line, `]`: valid JSON that a reader can also take line by line. */
async function jsonLines(out: Writable, pages: AsyncIterable<data.Row[]>, onPage: (n: number) => Promise<void>) {
  await writeText(out, '[\n');
  let first = true;
  for await (const rows of pages) {
    let chunk = '';
    for (const row of rows) {
      chunk += `${first ? '' : ',\n'}${JSON.stringify(row)}`;
      first = false;
    }
    await writeText(out, chunk);
    await onPage(rows.length);
  }
  await writeText(out, first ? ']\n' : '\n]\n');
  out.end();
}

/** The grid export's CSV writer (dialect and BOM by locale), fed page by page. */
async function csvFile(
  out: Writable,
  env: ContentsEnv,
  columns: Column[],
  pages: AsyncIterable<data.Row[]>,
  onPage: (n: number) => Promise<void>,
) {
  const writer = csvWriter(out, env.locale);
  await writer.header(columns);
  for await (const rows of pages) {
    await writer.rows(asCells(columns, rows));
    await onPage(rows.length);
  }
  await writer.finish();
}

/** Both files of a kind of record, each from its own pass over the pages. */
async function writeBoth(
  zip: ExportZip,
  env: ContentsEnv,
  name: string,
  columns: Column[],
  pages: () => AsyncIterable<data.Row[]>,
  csvPages?: () => AsyncIterable<data.Row[]>,
): Promise<number> {
  let rows = 0;
  await zip.write(`data/${name}.json`, true, (out) =>
    jsonLines(out, pages(), (n) => {
      rows += n;
      return env.progress.add(n);
    }),
  );
  // Rows of another shape (documents.csv has one per version) count as one step per record of the JSON.
  const csvProgress = csvPages ? async () => {} : env.progress.add;
  await zip.write(`data/${name}.csv`, true, (out) => csvFile(out, env, columns, (csvPages ?? pages)(), csvProgress));
  if (csvPages) await env.progress.add(rows);
  return rows;
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

interface PlannedVersion {
  row: data.VersionRow;
  key: Buffer;
  path: string;
}

interface PlannedDocument {
  row: data.DocumentRow;
  name: string;
  url: string | null;
  versions: PlannedVersion[];
}

/** Opens the names (and links) of a page of documents and the data keys of their versions. */
async function openDocuments(ctx: Ctx, orgId: string, rows: data.DocumentRow[]) {
  const versions = await data.versionsOf(
    ctx.tx,
    orgId,
    rows.map((r) => r.id),
  );
  const open = rowKeyOpener(ctx);
  const opened: {
    row: data.DocumentRow;
    name: string;
    url: string | null;
    versions: Omit<PlannedVersion, 'path'>[];
  }[] = [];
  for (const row of rows) {
    const context = documentContext(orgId, row.id);
    const key = await open(row, context);
    const own: Omit<PlannedVersion, 'path'>[] = [];
    for (const v of versions.filter((v) => v.documentId === row.id)) {
      own.push({ row: v, key: await open(v, versionContext(orgId, v.id)) });
    }
    opened.push({
      row,
      name: openField(key, context, 'name', row.name),
      url: row.url ? openField(key, context, 'url', row.url) : null,
      versions: own,
    });
  }
  return opened;
}

/**
 * Every document with the paths its versions get, the same on every pass: `documents/contracts/<contract>/`
 * (or `documents/inbox/`, and the same under `documents/recycle-bin/` for deleted ones) holds the newest
 * version under the document's name and the earlier ones in `older versions/`.
 */
async function* documentPages(env: ContentsEnv): AsyncGenerator<PlannedDocument[]> {
  const planner = new PathPlanner();
  const folders = new Map<string, string>();
  const folderOf = (row: data.DocumentRow) => {
    const base = row.deletedAt ? 'documents/recycle-bin' : 'documents';
    const key = `${base}|${row.contractId ?? ''}`;
    let folder = folders.get(key);
    if (!folder) {
      if (row.contractId) {
        const label = [row.contractNumber, row.contractTitle].filter(Boolean).join(' ');
        folder = planner.unique(`${base}/contracts`, safeName(label, 'contract'));
      } else folder = `${base}/inbox`;
      planner.take(`${folder}/older versions`);
      folders.set(key, folder);
    }
    return folder;
  };
  let after: string | null = null;
  for (;;) {
    const cursor = after;
    const page = await env.read(async (ctx) => {
      const rows = await data.documentPage(ctx.tx, env.orgId, cursor, DOCUMENT_PAGE);
      return openDocuments(ctx, env.orgId, rows);
    });
    const planned = page.map((doc) => {
      const folder = folderOf(doc.row);
      const name = safeName(doc.name, 'document');
      const [stem, ext] = splitName(name);
      return {
        ...doc,
        versions: doc.versions.map((v) => ({
          ...v,
          path:
            v.row.number === doc.row.currentVersion
              ? planner.unique(folder, name)
              : planner.unique(`${folder}/older versions`, `${stem} (version ${v.row.number})${ext}`),
        })),
      };
    });
    if (planned.length > 0) yield planned;
    if (planned.length < DOCUMENT_PAGE) return;
    after = planned.at(-1)!.row.id;
  }
}

function splitName(name: string): [string, string] {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
}

function documentJson(d: PlannedDocument): data.Row {
  const { row } = d;
  return {
    id: row.id,
    kind: row.kind,
    name: d.name,
    url: d.url,
    provider: row.provider,
    contractId: row.contractId,
    contractNumber: row.contractNumber,
    contractTitle: row.contractTitle,
    inInbox: row.inInbox,
    currentVersion: row.currentVersion,
    createdAt: row.createdAt,
    deletedAt: row.deletedAt,
    versions: d.versions.map((v) => ({
      id: v.row.id,
      number: v.row.number,
      path: v.path,
      size: v.row.size,
      sha256: v.row.sha256,
      mimeType: v.row.mimeType,
      uploadedBy: v.row.uploadedBy,
      createdAt: v.row.createdAt,
    })),
  };
}

const DOCUMENT_CSV = [
  'documentId',
  'kind',
  'name',
  'url',
  'contractId',
  'contractNumber',
  'contractTitle',
  'version',
  'current',
  'path',
  'size',
  'sha256',
  'mimeType',
  'createdAt',
  'deletedAt',
] as const;

/** documents.csv: one row per file version, and one per link. */
function documentCsvRows(d: PlannedDocument): data.Row[] {
  const base = {
    documentId: d.row.id,
    kind: d.row.kind,
    name: d.name,
    url: d.url,
    contractId: d.row.contractId,
    contractNumber: d.row.contractNumber,
    contractTitle: d.row.contractTitle,
    deletedAt: d.row.deletedAt,
  };
  if (d.versions.length === 0) return [{ ...base, createdAt: d.row.createdAt }];
  return d.versions.map((v) => ({
    ...base,
    version: v.row.number,
    current: v.row.number === d.row.currentVersion,
    path: v.path,
    size: v.row.size,
    sha256: v.row.sha256,
    mimeType: v.row.mimeType,
    createdAt: v.row.createdAt,
  }));
}

async function* mapped<T, U>(pages: AsyncIterable<T[]>, fn: (item: T) => U[]): AsyncGenerator<U[]> {
  for await (const page of pages) yield page.flatMap(fn);
}

/** The documents' list as JSON and CSV, then every version's bytes, opened, checked against the SHA-256 taken at upload. */
async function writeDocuments(zip: ExportZip, env: ContentsEnv): Promise<{ documents: number; files: number }> {
  const documents = await writeBoth(
    zip,
    env,
    'documents',
    plainColumns(DOCUMENT_CSV),
    () => mapped(documentPages(env), (d) => [documentJson(d)]),
    () => mapped(documentPages(env), documentCsvRows),
  );
  let files = 0;
  for await (const page of documentPages(env)) {
    for (const doc of page) {
      for (const v of doc.versions) {
        const source = await openSealed({
          store: env.deps.blobs,
          blobName: v.row.blobName,
          key: v.key,
          context: blobContext(env.orgId, v.row.id),
          size: v.row.size,
          sealedSize: v.row.sealedSize,
        });
        await zip.copy(v.path, source);
        if (zip.entries.at(-1)!.sha256 !== v.row.sha256) {
          throw new Error(`document version ${v.row.id}: the opened bytes differ from the SHA-256 taken at upload`);
        }
        files++;
        await env.progress.add(1);
      }
    }
  }
  return { documents, files };
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

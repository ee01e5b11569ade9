import type { Ctx } from '../../platform/context.js';
import { openSealed } from '../documents/documents.content.js';
import { blobContext, documentContext, openField, rowKeyOpener, versionContext } from '../documents/documents.keys.js';
import * as data from './account-exports.data.repo.js';
import { type ContentsEnv, plainColumns, writeBoth } from './account-exports.files.js';
import { type ExportZip, PathPlanner, safeName } from './account-exports.zip.js';

const DOCUMENT_PAGE = 100;

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
export async function writeDocuments(zip: ExportZip, env: ContentsEnv): Promise<{ documents: number; files: number }> {
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

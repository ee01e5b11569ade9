import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Config } from '../../config.js';
import type { Database } from '../../db/client.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { assertBlobName, BlobNotFoundError, type BlobStore } from '../../platform/storage/blob-store.js';
import { BackupError, BackupWriter, type Entry, readAll, readEntries, readHeader, tap } from './backup.format.js';
import { countLogical, dumpPglite } from './backup.pglite.js';
import { dumpPostgres } from './backup.postgres.js';
import { assertTableName, type DumpInfo } from './backup.tables.js';

export interface BackupDeps {
  config: Pick<Config, 'appUrl' | 'backupKeys' | 'database'>;
  database: Database;
  blobs: BlobStore;
}

export interface Manifest {
  format: 1;
  createdAt: string;
  deployment: string;
  database: {
    kind: Database['kind'];
    format: DumpInfo['format'];
    migrations: number;
    tables: Record<string, number>;
    size: number;
    sha256: string;
  };
  blobs: { name: string; size: number; sha256: string }[];
  /** Named by a row of the dump but purged from the store before it was copied (docs/operations.md). */
  missingBlobs: string[];
  totals: { tables: number; rows: number; blobs: number; blobBytes: number };
}

export interface BackupResult {
  manifest: Manifest;
  /** The whole file's size and SHA-256, as written. */
  size: number;
  sha256: string;
  durationMs: number;
}

/** The name of the dump entry says its format, so verify can read it before the manifest. */
const DUMP_ENTRY: Record<DumpInfo['format'], string> = {
  'pg_dump-custom': 'database.pgdump',
  'deedbox-logical-gzip': 'database.jsonl.gz',
};

/** Streams the backup to sink (a file, a blob upload); the sink must fail if the stream fails. */
export async function writeBackup(
  deps: BackupDeps,
  sink: (stream: Readable) => Promise<unknown>,
): Promise<BackupResult> {
  const started = Date.now();
  const createdAt = new Date().toISOString();
  const writer = new BackupWriter(deps.config.backupKeys, {
    kind: 'data',
    createdAt,
    deployment: deps.config.appUrl,
  });
  const { stream, digest } = tap(writer.output);
  const sinking = sink(stream);
  // A sink that fails (disk full, upload refused) stops the writer instead of leaving it waiting.
  sinking.catch((error: unknown) => writer.abort(error as Error));
  try {
    const format: DumpInfo['format'] = deps.database.kind === 'postgres' ? 'pg_dump-custom' : 'deedbox-logical-gzip';
    let info: DumpInfo | undefined;
    const dumped = await writer.entry('D', DUMP_ENTRY[format], {
      async *[Symbol.asyncIterator]() {
        // The dump produces by callback; a small queue hands its chunks to the writer with backpressure.
        const queue: Buffer[] = [];
        const signal: { wake: (() => void) | null; resume: (() => void) | null } = { wake: null, resume: null };
        let finished = false;
        let failure: unknown = null;
        let stopped = false;
        const emit = async (chunk: Buffer) => {
          if (stopped) throw new BackupError('the backup stopped');
          queue.push(chunk);
          signal.wake?.();
          if (queue.length > 8) await new Promise<void>((r) => (signal.resume = r));
        };
        const url = deps.config.database.kind === 'postgres' ? deps.config.database.url : '';
        const producing = (
          deps.database.kind === 'postgres' ? dumpPostgres(deps.database, url, emit) : dumpPglite(deps.database, emit)
        )
          .then((i) => (info = i))
          .catch((error: unknown) => (failure = error))
          .finally(() => {
            finished = true;
            signal.wake?.();
          });
        try {
          for (;;) {
            if (queue.length > 0) {
              yield queue.shift()!;
              if (queue.length <= 8) signal.resume?.();
              continue;
            }
            if (finished) break;
            await new Promise<void>((r) => (signal.wake = r));
            signal.wake = null;
          }
        } finally {
          // Left early (the writer failed): the dump stops at its next chunk and lets go of its snapshot.
          stopped = true;
          signal.resume?.();
        }
        await producing;
        if (failure) throw failure;
      },
    });
    const blobs: Manifest['blobs'] = [];
    const missingBlobs: string[] = [];
    for (const name of info!.blobNames) {
      assertBlobName(name);
      let body: Readable;
      try {
        body = await deps.blobs.get(name);
      } catch (error) {
        if (!(error instanceof BlobNotFoundError)) throw error;
        missingBlobs.push(name);
        continue;
      }
      blobs.push({ name, ...(await writer.entry('B', name, body)) });
    }
    const manifest: Manifest = {
      format: 1,
      createdAt,
      deployment: deps.config.appUrl,
      database: { kind: deps.database.kind, format, migrations: info!.migrations, tables: info!.tables, ...dumped },
      blobs,
      missingBlobs,
      totals: {
        tables: Object.keys(info!.tables).length,
        rows: Object.values(info!.tables).reduce((a, b) => a + b, 0),
        blobs: blobs.length,
        blobBytes: blobs.reduce((a, b) => a + b.size, 0),
      },
    };
    await writer.entry('M', 'manifest.json', [JSON.stringify(manifest)]);
    await writer.finish();
    await sinking;
    return { manifest, size: digest.size, sha256: digest.hash.digest('hex'), durationMs: Date.now() - started };
  } catch (error) {
    writer.abort(error as Error);
    await sinking.catch(() => {});
    throw error;
  }
}

/** A sink writing a file beside the target and renaming it into place once complete (owner-only). */
export function fileSink(file: string): (stream: Readable) => Promise<void> {
  return async (stream) => {
    const draft = `${file}.partial`;
    try {
      await pipeline(stream, createWriteStream(draft, { mode: 0o600 }));
      await rename(draft, file);
    } catch (error) {
      await rm(draft, { force: true });
      throw error;
    }
  };
}

const hashOf = async (body: AsyncIterable<Buffer>) => {
  const hash = createHash('sha256');
  let size = 0;
  for await (const part of body) {
    hash.update(part);
    size += part.length;
  }
  return { size, sha256: hash.digest('hex') };
};

/** Tees an entry's body through a hash, so a restore can check it against the manifest as it reads. */
async function* hashed(body: AsyncIterable<Buffer>, expected: { size: number; sha256: string }, what: string) {
  const hash = createHash('sha256');
  let size = 0;
  for await (const part of body) {
    hash.update(part);
    size += part.length;
    yield part;
  }
  if (size !== expected.size || hash.digest('hex') !== expected.sha256) {
    throw new BackupError(`the ${what} changed since it was verified`);
  }
}

export interface VerifyReport {
  ok: true;
  createdAt: string;
  deployment: string;
  keyVersion: number;
  manifest: Manifest;
}

function parseManifest(bytes: Buffer): Manifest {
  try {
    const manifest = JSON.parse(bytes.toString('utf8')) as Manifest;
    if (manifest.format !== 1 || !manifest.database || !Array.isArray(manifest.blobs)) throw new Error('shape');
    for (const table of Object.keys(manifest.database.tables)) assertTableName(table);
    for (const blob of manifest.blobs) assertBlobName(blob.name);
    return manifest;
  } catch {
    throw new BackupError('the backup manifest is malformed');
  }
}

/**
 * Reads the whole backup: authenticates every chunk, recomputes the dump's and every blob's size and
 * SHA-256 and compares them, and the rows per table of a logical dump, with the manifest.
 */
export async function verifyBackup(file: string, keys: Keyring | null): Promise<VerifyReport> {
  const { header } = await readHeader(file);
  let dump: { name: string; size: number; sha256: string; tables: Record<string, number> | null } | null = null;
  const blobs = new Map<string, { size: number; sha256: string }>();
  let manifest: Manifest | null = null;
  const malformed = (why: string) => new BackupError(`the backup is malformed: ${why}`);
  for await (const entry of readEntries(file, keys, 'data')) {
    if (manifest && entry.type !== 'Z') throw malformed('entries after the manifest');
    switch (entry.type) {
      case 'D': {
        if (dump || blobs.size > 0) throw malformed('a second database dump');
        dump = { name: entry.name, ...(await dumpDigest(entry)) };
        break;
      }
      case 'B':
        if (!dump) throw malformed('a blob before the database dump');
        if (blobs.has(entry.name)) throw malformed(`blob ${entry.name} twice`);
        blobs.set(entry.name, await hashOf(entry.body));
        break;
      case 'M':
        manifest = parseManifest(await readAll(entry.body));
        break;
      case 'Z':
        break;
      case 'K':
        throw malformed('key rows inside a data backup');
    }
  }
  if (!dump || !manifest) throw malformed('no database dump or no manifest');
  const m = manifest;
  if (DUMP_ENTRY[m.database.format] !== dump.name) throw malformed('the dump format differs from the manifest');
  if (dump.size !== m.database.size || dump.sha256 !== m.database.sha256) {
    throw new BackupError('the database dump does not match the SHA-256 in the manifest');
  }
  if (dump.tables && JSON.stringify(dump.tables) !== JSON.stringify(m.database.tables)) {
    throw new BackupError('the rows in the database dump differ from the counts in the manifest');
  }
  if (m.blobs.length !== blobs.size)
    throw new BackupError(`the backup holds ${blobs.size} blobs, the manifest lists ${m.blobs.length}`);
  for (const listed of m.blobs) {
    const seen = blobs.get(listed.name);
    if (!seen || seen.size !== listed.size || seen.sha256 !== listed.sha256) {
      throw new BackupError(`blob ${listed.name} does not match its size and SHA-256 in the manifest`);
    }
  }
  return {
    ok: true,
    createdAt: header.createdAt,
    deployment: header.deployment,
    keyVersion: header.keyVersion,
    manifest: m,
  };
}

async function dumpDigest(entry: Entry) {
  if (entry.name !== DUMP_ENTRY['deedbox-logical-gzip']) return { ...(await hashOf(entry.body)), tables: null };
  const hash = createHash('sha256');
  let size = 0;
  const counted = await countLogical(
    (async function* () {
      for await (const part of entry.body) {
        hash.update(part);
        size += part.length;
        yield part;
      }
    })(),
  );
  if (!counted.ended) throw new BackupError('the database dump in the backup is cut short');
  return { size, sha256: hash.digest('hex'), tables: counted.tables };
}

export { hashed };

import { rename, rm } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../db/client.js';
import { withClaims } from '../../db/tx.js';
import type { Keyring } from '../../platform/crypto/keyring.js';
import { BackupError, BackupWriter, readAll, readEntries, readHeader, tap } from './backup.format.js';
import type { BackupPlace } from './backup.places.js';
import type { BackupDeps } from './backup.service.js';
import { fileSink } from './backup.service.js';
import { type KeyRow, keyRow } from './backup.tables.js';

/**
 * The key store's own snapshot (docs/security.md, "Backups"): every org key, still wrapped under its
 * master key version, sealed with BACKUP_KEYS and kept apart from the data backups, so that deleting
 * an org's keys (here and in every snapshot: rewriteKeySnapshot) makes its data in every data backup
 * unreadable.
 */
export async function readKeyRows(deps: Pick<BackupDeps, 'database'>): Promise<KeyRow[]> {
  // The census claim (migration 0022) may read every org's keys and change none.
  const rows = await withClaims(deps.database.db, { sweep: 'keys' }, async (tx) =>
    rowsOf<{ r: KeyRow }>(
      await tx.execute(sql`select to_jsonb(k) as r from keystore.org_keys k order by org_id, version`),
    ),
  );
  return rows.map((row) => keyRow.parse(row.r));
}

async function writeSnapshot(
  keys: Keyring | null,
  deployment: string,
  createdAt: string,
  rows: KeyRow[],
  sink: (stream: Readable) => Promise<unknown>,
) {
  const writer = new BackupWriter(keys, { kind: 'keys', createdAt, deployment });
  const { stream, digest } = tap(writer.output);
  const sinking = sink(stream);
  try {
    await writer.entry('K', 'org_keys.json', [JSON.stringify({ rows })]);
    await writer.finish();
    await sinking;
  } catch (error) {
    writer.abort(error as Error);
    await sinking.catch(() => {});
    throw error;
  }
  return { orgKeys: rows.length, size: digest.size, sha256: digest.hash.digest('hex') };
}

/** A snapshot of the key store into file, or through sink (then file only names where it went). */
export async function writeKeySnapshot(deps: BackupDeps, file: string, sink = fileSink(file)) {
  const rows = await readKeyRows(deps);
  const written = await writeSnapshot(deps.config.backupKeys, deps.config.appUrl, new Date().toISOString(), rows, sink);
  return { file, ...written };
}

/** The rows of a key-store snapshot, every chunk authenticated and every row checked. */
export async function readKeySnapshot(file: string, keys: Keyring | null): Promise<KeyRow[]> {
  let rows: KeyRow[] | null = null;
  for await (const entry of readEntries(file, keys, 'keys')) {
    if (entry.type === 'K') {
      const parsed = keyRow
        .array()
        .safeParse((JSON.parse((await readAll(entry.body)).toString('utf8')) as { rows?: unknown }).rows);
      if (!parsed.success) throw new BackupError('the key-store snapshot holds malformed rows');
      rows = parsed.data;
    } else if (entry.type !== 'Z') throw new BackupError('the key-store snapshot is malformed');
  }
  if (!rows) throw new BackupError('the key-store snapshot holds no key rows');
  return rows;
}

/**
 * Rewrites a key-store snapshot without one org's keys (the deletion job calls it for every kept
 * snapshot): the new file is sealed under the active BACKUP_KEYS version, keeps its creation time,
 * and replaces the old one only once complete. Returns how many keys it removed.
 */
export async function rewriteKeySnapshot(file: string, withoutOrgId: string, keys: Keyring | null): Promise<number> {
  const { header } = await readHeader(file);
  const rows = await readKeySnapshot(file, keys);
  const kept = rows.filter((r) => r.org_id !== withoutOrgId);
  if (kept.length === rows.length) return 0;
  const draft = `${file}.rewrite`;
  try {
    await writeSnapshot(keys, header.deployment, header.createdAt, kept, fileSink(draft));
    await rename(draft, file);
  } finally {
    await rm(draft, { force: true });
  }
  return rows.length - kept.length;
}

/** How many of one org's keys the snapshots kept in a place hold (a deletion counts them before it removes them). */
export async function countSnapshotKeys(place: BackupPlace, orgId: string, keys: Keyring | null): Promise<number> {
  let n = 0;
  for (const name of await place.all()) {
    const rows = await place.withFile(name, (file) => readKeySnapshot(file, keys));
    n += rows.filter((r) => r.org_id === orgId).length;
  }
  return n;
}

/** rewriteKeySnapshot over every snapshot kept in a place (BACKUP_KEYS_DIR, BACKUP_KEYS_CONTAINER). */
export async function rewriteKeySnapshots(place: BackupPlace, orgId: string, keys: Keyring | null): Promise<number> {
  let removed = 0;
  for (const name of await place.all()) {
    removed += await place.withFile(name, async (file) => {
      const n = await rewriteKeySnapshot(file, orgId, keys);
      if (n > 0) await place.replace(name, file);
      return n;
    });
  }
  return removed;
}

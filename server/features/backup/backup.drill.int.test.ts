import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { loadConfig } from '../../config.js';
import { type Database, rowsOf } from '../../db/client.js';
import { type Actor, runInOrg } from '../../platform/context.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { call, callerFrom, expectProblem, PASSWORD, signInAt, signUpOrg, uploadDocument } from '../../test/api.js';
import { cliRunner } from '../../test/cli.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness, TEST_DB, TEST_MASTER_KEYS } from '../../test/harness.js';
import { ownDatabase } from '../../test/own-database.js';
import { verify } from '../audit/audit.service.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { type Own, openDeployment } from './backup.fixtures.js';
import { BackupError } from './backup.format.js';
import { readKeySnapshot, rewriteKeySnapshot, writeKeySnapshot } from './backup.keys.js';
import { restoreBackup } from './backup.restore.js';
import { fileSink, type Manifest, verifyBackup, writeBackup } from './backup.service.js';

const BACKUP_KEYS = `1:${randomBytes(32).toString('base64')}`;
const SECRET_KEY = randomBytes(32).toString('base64url');
const shared = { NODE_ENV: 'test', MASTER_KEYS: TEST_MASTER_KEYS, BACKUP_KEYS, SECRET_KEY, SCRYPT_LOG_N: '12' };
const SYSTEM: Actor = { type: 'system', name: 'backup drill' };
const request = () => ({ id: randomUUID(), ip: null, userAgent: 'vitest', via: 'cli' as const });

interface Org {
  orgId: string;
  email: string;
  contractId: string;
  docs: { id: string; bytes: Buffer }[];
}

const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-backup-drill-'));
const backupFile = path.join(dir, 'drill.backup');
const keysFile = path.join(dir, 'drill.keys');
let source: Own;
const targets: Own[] = [];
const orgs: Org[] = [];
let manifest: Manifest;
let sourcePrints: Record<string, string>;
let sourceChains: Record<string, unknown>;

const open = (own: Own) => openDeployment(own, shared);

async function tableNames(database: Database): Promise<string[]> {
  const rows = rowsOf<{ t: string }>(
    await database.db.execute(
      sql.raw(`select n.nspname || '.' || c.relname as t from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where c.relkind = 'r' and n.nspname in ('public', 'keystore') order by 1`),
    ),
  );
  return rows.map((r) => r.t);
}

/** Every row of every table (the key store included), as one digest per table. */
async function fingerprints(database: Database): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const table of await tableNames(database)) {
    const [row] = rowsOf<{ n: number; h: string }>(
      await database.db.execute(
        sql.raw(
          `select count(*)::int as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as h from ${table} t`,
        ),
      ),
    );
    out[table] = `${row!.n}:${row!.h}`;
  }
  return out;
}

async function chains(h: Harness): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  for (const { orgId } of orgs) {
    out[orgId] = await runInOrg(h.app.deps, { orgId, actor: SYSTEM }, request(), (ctx) => verify(ctx.tx, ctx.orgId));
  }
  return out;
}

async function freshTarget(name: string): Promise<Own> {
  const own = await ownDatabase(name);
  targets.push(own);
  return own;
}

async function isEmpty(own: Own): Promise<void> {
  const deps = await open(own);
  try {
    const [row] = rowsOf<{ n: number }>(await deps.database.db.execute(sql`select count(*)::int as n from orgs`));
    expect(row!.n).toBe(0);
    const names: string[] = [];
    for await (const name of deps.blobs.list('')) names.push(name);
    expect(names).toEqual([]);
  } finally {
    await deps.close();
  }
}

beforeAll(async () => {
  source = await ownDatabase('bk_src');
  const h = await startHarness({ ...source.env, ...shared });
  try {
    for (const name of ['Alpha GmbH', 'Beta AG', 'Gamma KG']) {
      const admin = await signUpOrg(h, name);
      const contractId = (await newContract(h, admin)).id;
      const docs = [];
      for (const text of [`${name} lease`, `${name} annex`]) {
        const bytes = pdfWithText([text]);
        const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'lease.pdf', bytes);
        expect(res.statusCode, res.body).toBe(201);
        docs.push({ id: (res.json() as Document).id, bytes });
      }
      expect((await call(h, admin, 'PATCH', `/contracts/${contractId}`, { title: `${name} renamed` })).statusCode).toBe(
        200,
      );
      orgs.push({ orgId: admin.me.org.id, email: admin.email, contractId, docs });
    }
    sourceChains = await chains(h);
  } finally {
    await h.close();
  }
  const deps = await open(source);
  try {
    sourcePrints = await fingerprints(deps.database);
    manifest = (await writeBackup(deps, fileSink(backupFile))).manifest;
    await writeKeySnapshot(deps, keysFile);
  } finally {
    await deps.close();
  }
}, 180_000);

afterAll(async () => {
  await source?.drop();
  for (const own of targets) await own.drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('restore drill', () => {
  it('restores every row, every blob byte and every activity-log chain into a fresh deployment that serves them', async () => {
    expect(manifest.totals.blobs).toBe(6);
    expect(manifest.database.tables).not.toHaveProperty(['keystore.org_keys']);
    expect(manifest.database.tables['public.contracts']).toBe(3);
    const report = await verifyBackup(backupFile, loadConfig({ ...source.env, ...shared }).backupKeys);
    expect(report.manifest).toEqual(manifest);
    // The key store is not in the data backup: its rows are nowhere in the dump.
    expect(readFileSync(backupFile).includes(Buffer.from('org_keys.json'))).toBe(false);

    const target = await freshTarget('bk_dst');
    const deps = await open(target);
    try {
      const restored = await restoreBackup(deps, backupFile, keysFile);
      expect(restored).toMatchObject({ restored: true, blobs: { written: 6, alreadyThere: 0 }, orgKeys: 3 });
      expect(await fingerprints(deps.database)).toEqual(sourcePrints);
      const sourceDeps = await open(source);
      try {
        for (const blob of manifest.blobs) {
          const read = async (store: BlobStore) => Buffer.concat(await (await store.get(blob.name)).toArray());
          expect((await read(deps.blobs)).equals(await read(sourceDeps.blobs))).toBe(true);
        }
      } finally {
        await sourceDeps.close();
      }
      await expect(restoreBackup(deps, backupFile, keysFile)).rejects.toThrow(/not empty/);
    } finally {
      await deps.close();
    }

    const h = await startHarness({ ...target.env, ...shared });
    try {
      expect(await chains(h)).toEqual(sourceChains);
      for (const [i, org] of orgs.entries()) {
        expect((sourceChains[org.orgId] as { intact: boolean }).intact).toBe(true);
        const who = callerFrom(await signInAt(h, `10.9.0.${i + 1}`, org.email, PASSWORD));
        const contract = await call(h, who, 'GET', `/contracts/${org.contractId}`);
        expect(contract.statusCode, contract.body).toBe(200);
        for (const doc of org.docs) {
          const res = await call(h, who, 'GET', `/documents/${doc.id}/content`);
          expect(res.statusCode, res.body).toBe(200);
          expect(res.rawPayload.equals(doc.bytes)).toBe(true);
        }
      }
    } finally {
      await h.close();
    }
  }, 120_000);

  it('resumes a restore that stopped midway: nothing was committed, and the rerun completes it', async () => {
    const target = await freshTarget('bk_crash');
    const deps = await open(target);
    try {
      let puts = 0;
      const failing: BlobStore = {
        ...deps.blobs,
        kind: deps.blobs.kind,
        list: (prefix) => deps.blobs.list(prefix),
        size: (name) => deps.blobs.size(name),
        async put(name, body) {
          if (++puts > 2) throw new Error('the process died');
          return deps.blobs.put(name, body);
        },
      };
      await expect(restoreBackup({ ...deps, blobs: failing }, backupFile, keysFile)).rejects.toThrow(
        'the process died',
      );
      const [row] = rowsOf<{ n: number }>(await deps.database.db.execute(sql`select count(*)::int as n from orgs`));
      expect(row!.n).toBe(0);
      const rerun = await restoreBackup(deps, backupFile, keysFile);
      expect(rerun.blobs).toEqual({ written: 4, alreadyThere: 2 });
      expect(await fingerprints(deps.database)).toEqual(sourcePrints);
    } finally {
      await deps.close();
    }
  }, 120_000);
});

describe('key-store snapshots', () => {
  it('rewritten without a deleted org: its documents in the data backup no longer open, the others do', async () => {
    const keys = loadConfig({ ...source.env, ...shared }).backupKeys;
    const shredded = path.join(dir, 'shredded.keys');
    writeFileSync(shredded, readFileSync(keysFile));
    const [deleted, kept] = orgs as [Org, Org];
    expect(await rewriteKeySnapshot(shredded, deleted.orgId, keys)).toBe(1);
    expect(await rewriteKeySnapshot(shredded, deleted.orgId, keys)).toBe(0);
    const rows = await readKeySnapshot(shredded, keys);
    expect(rows.map((r) => r.org_id).sort()).toEqual(
      orgs
        .slice(1)
        .map((o) => o.orgId)
        .sort(),
    );

    const target = await freshTarget('bk_shred');
    const deps = await open(target);
    try {
      await restoreBackup(deps, backupFile, shredded);
    } finally {
      await deps.close();
    }
    const h = await startHarness({ ...target.env, ...shared });
    try {
      const gone = callerFrom(await signInAt(h, '10.9.1.1', deleted.email, PASSWORD));
      const refused = await call(h, gone, 'GET', `/documents/${deleted.docs[0]!.id}/content`);
      expectProblem(refused, 500, 'key_unavailable');
      expect(refused.rawPayload.includes(deleted.docs[0]!.bytes.subarray(0, 64))).toBe(false);
      const still = callerFrom(await signInAt(h, '10.9.1.2', kept.email, PASSWORD));
      const opened = await call(h, still, 'GET', `/documents/${kept.docs[0]!.id}/content`);
      expect(opened.rawPayload.equals(kept.docs[0]!.bytes)).toBe(true);
    } finally {
      await h.close();
    }
  }, 120_000);
});

describe('failures while writing', () => {
  it('stops at once when the sink fails or pg_dump cannot start, and leaves no file', async () => {
    const deps = await open(source);
    try {
      const nowhere = path.join(dir, 'missing-folder', 'x.backup');
      await expect(writeBackup(deps, fileSink(nowhere))).rejects.toThrow(/ENOENT/);
      if (deps.database.kind === 'postgres') {
        const saved = process.env.PATH;
        process.env.PATH = '/nonexistent';
        try {
          await expect(writeBackup(deps, fileSink(path.join(dir, 'no-tools.backup')))).rejects.toThrow(
            /pg_dump could not start/,
          );
        } finally {
          process.env.PATH = saved;
        }
      }
      expect(readdirSync(dir).filter((f) => f.includes('no-tools') || f.endsWith('.partial'))).toEqual([]);
    } finally {
      await deps.close();
    }
  }, 120_000);
});

describe('bad backups', () => {
  const keys = () => loadConfig({ ...source.env, ...shared }).backupKeys;
  const bad = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };

  it('refuses corrupted, truncated, re-headed and wrong-key files, and restores nothing from them', async () => {
    const good = readFileSync(backupFile);
    const headerLength = good.indexOf(0x0a, 17) + 1;
    const flipped = Buffer.from(good);
    flipped[good.length - 40]! ^= 0x01;
    const cases: [string, Buffer, RegExp][] = [
      ['flipped.backup', flipped, /corrupted|altered/],
      ['truncated.backup', good.subarray(0, good.length - 17), /truncated|corrupted|altered/],
      ['header-only.backup', good.subarray(0, headerLength), /truncated|corrupted|cut short/],
      [
        'reheaded.backup',
        Buffer.from(good.toString('latin1').replace('"deployment":"http', '"deployment":"ftp:'), 'latin1'),
        /altered/,
      ],
      ['not-a-backup.backup', Buffer.from('hello'), /not a Deedbox backup/],
      ['empty.backup', Buffer.alloc(0), /not a Deedbox backup/],
    ];
    for (const [name, bytes, message] of cases) {
      await expect(verifyBackup(bad(name, bytes), keys()), name).rejects.toThrow(message);
    }
    const wrong = loadConfig({ ...source.env, ...shared, BACKUP_KEYS: `1:${randomBytes(32).toString('base64')}` });
    await expect(verifyBackup(backupFile, wrong.backupKeys)).rejects.toThrow(
      /does not open with BACKUP_KEYS version 1: a wrong key/,
    );
    const other = loadConfig({ ...source.env, ...shared, BACKUP_KEYS: `2:${randomBytes(32).toString('base64')}` });
    await expect(verifyBackup(backupFile, other.backupKeys)).rejects.toThrow(
      /BACKUP_KEYS version 1, which is not configured/,
    );
    await expect(verifyBackup(keysFile, keys())).rejects.toThrow(/is a key-store snapshot, not a data backup/);
    await expect(verifyBackup(backupFile, null)).rejects.toThrow(BackupError);

    const target = await freshTarget('bk_bad');
    const deps = await open(target);
    try {
      await expect(restoreBackup(deps, path.join(dir, 'flipped.backup'), keysFile)).rejects.toThrow(BackupError);
      await expect(restoreBackup(deps, path.join(dir, 'truncated.backup'), keysFile)).rejects.toThrow(BackupError);
      await expect(restoreBackup(deps, backupFile, path.join(dir, 'flipped.backup'))).rejects.toThrow(
        /not a key-store snapshot|corrupted|altered/,
      );
    } finally {
      await deps.close();
    }
    await isEmpty(target);
  }, 120_000);
});

describe('deedbox backup (the command)', () => {
  const { deedboxWith } = cliRunner('backup');

  it('creates and verifies a backup, and refuses a bad one or a held data directory with one line and exit 1', async () => {
    const env = { ...source.env, ...shared };
    const out = path.join(dir, 'cli.backup');
    const created = await deedboxWith(env, 'backup', 'create', '--out', out);
    expect(created.code, created.stderr).toBe(0);
    expect(JSON.parse(created.stdout)).toMatchObject({ file: out, totals: { blobs: 6 } });
    const verified = await deedboxWith(env, 'backup', 'verify', out);
    expect(verified.code, verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, totals: { blobs: 6 } });

    const flipped = readFileSync(out);
    flipped[flipped.length - 40]! ^= 0x01;
    writeFileSync(`${out}.flipped`, flipped);
    const refused = await deedboxWith(env, 'backup', 'verify', `${out}.flipped`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/^deedbox: the backup (is corrupted|does not open)[^\n]*\n$/);
    expect((await deedboxWith(env, 'backup', 'verify')).code).toBe(2);

    if (TEST_DB === 'pglite') {
      // The server holds the data directory: the command refuses; scheduled backups run inside the server.
      const running = await open(source);
      try {
        const held = await deedboxWith(env, 'backup', 'create', '--out', path.join(dir, 'held.backup'));
        expect(held.code).toBe(1);
        expect(held.stderr).toMatch(/is in use by another Deedbox process/);
      } finally {
        await running.close();
      }
    }
  }, 120_000);
});

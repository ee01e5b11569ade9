import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yauzl from 'yauzl';
import type { AccountExport } from '../../../common/schemas/account-exports.js';
import type { Document } from '../../../common/schemas/documents.js';
import { withClaims } from '../../db/tx.js';
import {
  addMember,
  auditEvents,
  type Caller,
  call,
  defaultUnit,
  expectProblem,
  signUpOrg,
  uploadDocument,
} from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { rotateOrg } from '../keys/keys.rotation.js';
import { buildNext } from './account-exports.build.js';
import { DATASETS, type Row } from './account-exports.data.repo.js';
import { exportBlobName } from './account-exports.keys.js';
import { expireExports } from './account-exports.service.js';

let h: Harness;
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DAY_MS = 86_400_000;

beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Every entry of a ZIP, read with yauzl (sizes and CRCs checked by it). */
function readZip(zip: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    const files = new Map<string, Buffer>();
    yauzl.fromBuffer(zip, { lazyEntries: true, validateEntrySizes: true }, (err, z) => {
      if (err || !z) return reject(err);
      z.on('entry', (entry: yauzl.Entry) => {
        z.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e);
          const parts: Buffer[] = [];
          stream.on('data', (d: Buffer) => parts.push(d));
          stream.on('end', () => {
            files.set(entry.fileName, Buffer.concat(parts));
            z.readEntry();
          });
          stream.on('error', reject);
        });
      });
      z.on('end', () => resolve(files));
      z.on('error', reject);
      z.readEntry();
    });
  });
}

function unzipTo(files: Map<string, Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-export-test-'));
  for (const [name, bytes] of files) {
    const file = path.join(dir, ...name.split('/'));
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, bytes);
  }
  return dir;
}

const orgOf = (who: Caller) => who.me!.org.id;

async function exportNow(who: Caller, body: object = {}): Promise<AccountExport> {
  const started = await call(h, who, 'POST', '/account-exports', body);
  expect(started.statusCode, started.body).toBe(201);
  expect(started.json()).toMatchObject({ status: 'queued', done: 0 });
  expect(await buildNext(h.app.deps, orgOf(who), new Date())).toEqual({ built: 1, failed: 0 });
  return (await call(h, who, 'GET', `/account-exports/${started.json().id}`)).json();
}

async function download(who: Caller, id: string) {
  const res = await call(h, who, 'GET', `/account-exports/${id}/download`);
  expect(res.statusCode, res.body).toBe(200);
  return res.rawPayload;
}

const jsonOf = (files: Map<string, Buffer>, name: string) => JSON.parse(files.get(name)!.toString('utf8'));
/** Data lines of a CSV (the header and the final line break left out). */
const csvLines = (files: Map<string, Buffer>, name: string) =>
  files
    .get(name)!
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n')
    .slice(1);

describe('account export', () => {
  it('exports records, custom fields, every document version and a verifiable activity log, and nothing of another org', async () => {
    const admin = await signUpOrg(h, 'Exporting GmbH');
    const stranger = await signUpOrg(h, 'Stranger AG');
    await newContract(h, stranger, { title: 'Stranger-secret contract' });
    await uploadDocument(
      h,
      stranger,
      `/contracts/${(await newContract(h, stranger)).id}/documents`,
      'x.pdf',
      pdfWithText(['Stranger-secret']),
    );

    const field = await call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label: 'Tier', type: 'text' });
    expect(field.statusCode, field.body).toBe(201);
    const contract = await newContract(h, admin, { title: 'Cleaning: "Hall" / 2', custom: { tier: 'Gold' } });
    await newContract(h, admin, { title: 'Second contract' });
    const v1 = pdfWithText(['First version of the agreement.']);
    const v2 = pdfWithText(['Second version of the agreement, signed.']);
    const doc = (
      await uploadDocument(h, admin, `/contracts/${contract.id}/documents`, 'agree:ment?.pdf', v1)
    ).json() as Document;
    const second = await uploadDocument(h, admin, `/documents/${doc.id}/versions`, 'agree:ment?.pdf', v2);
    expect(second.statusCode, second.body).toBe(201);
    const same = (
      await uploadDocument(h, admin, `/contracts/${contract.id}/documents`, 'AGREE:MENT?.pdf', v1)
    ).json() as Document;

    const done = await exportNow(admin, { locale: 'en' });
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.done).toBe(done.total);
    expect(done.total).toBeGreaterThan(0);
    expect(Date.parse(done.expiresAt!) - Date.parse(done.finishedAt!)).toBe(7 * DAY_MS);

    const zip = await download(admin, done.id);
    expect(zip.length).toBe(done.size);
    expect(sha(zip)).toBe(done.sha256);
    const files = await readZip(zip);
    const manifest = jsonOf(files, 'manifest.json');

    // Every entry but the manifest itself is listed with its SHA-256 and size.
    expect(new Set(manifest.entries.map((e: { path: string }) => e.path))).toEqual(
      new Set([...files.keys()].filter((n) => n !== 'manifest.json')),
    );
    for (const entry of manifest.entries) {
      expect(sha(files.get(entry.path)!), entry.path).toBe(entry.sha256);
      expect(files.get(entry.path)!.length).toBe(entry.size);
    }
    expect(manifest.org).toEqual({ id: orgOf(admin), name: 'Exporting GmbH' });

    // Documents: all versions, decrypted, names made safe and unique.
    // Documents: all versions, decrypted, names made safe and unique (ignoring case; which one gets "(2)" follows the ids).
    const folder = 'documents/contracts/Cleaning_ _Hall_ _ 2';
    const docs = jsonOf(files, 'data/documents.json');
    expect(docs.map((d: { id: string }) => d.id).sort()).toEqual([doc.id, same.id].sort());
    expect(docs.find((d: { id: string }) => d.id === doc.id).name).toBe('agree:ment?.pdf');
    const pathsOf = (id: string): string[] =>
      docs.find((d: { id: string }) => d.id === id).versions.map((v: { path: string }) => v.path);
    const [older, newest] = pathsOf(doc.id) as [string, string];
    const [copy] = pathsOf(same.id) as [string];
    expect(older).toBe(`${folder}/older versions/agree_ment_ (version 1).pdf`);
    expect(files.get(older)!.equals(v1)).toBe(true);
    expect(files.get(newest)!.equals(v2)).toBe(true);
    expect(files.get(copy)!.equals(v1)).toBe(true);
    expect([newest, copy].map((p) => p.toLowerCase()).sort()).toEqual([
      `${folder}/agree_ment_ (2).pdf`.toLowerCase(),
      `${folder}/agree_ment_.pdf`.toLowerCase(),
    ]);
    expect(csvLines(files, 'data/documents.csv')).toHaveLength(3);

    // Records as JSON and CSV, counted alike.
    const contracts = jsonOf(files, 'data/contracts.json');
    expect(contracts).toHaveLength(2);
    expect(csvLines(files, 'data/contracts.csv')).toHaveLength(2);
    expect(contracts.find((c: { id: string }) => c.id === contract.id).custom).toEqual({ tier: 'Gold' });
    expect(jsonOf(files, 'data/custom-fields.json')).toMatchObject([{ key: 'tier', label: 'Tier', type: 'text' }]);
    expect(jsonOf(files, 'data/custom-field-values.json')).toMatchObject([
      { entity: 'contract', recordId: contract.id, fieldKey: 'tier', value: 'Gold' },
    ]);
    expect(jsonOf(files, 'data/users.json')).toMatchObject([{ email: admin.email, isAdmin: true }]);
    expect(jsonOf(files, 'data/business-units.json')).toMatchObject([{ id: defaultUnit(admin) }]);
    expect(manifest.counts).toMatchObject({
      contracts: 2,
      documents: 2,
      documentFiles: 3,
      users: 1,
    });
    expect(manifest.counts['custom-fields']).toBe(1);
    for (const name of Object.keys(manifest.counts).filter((k) => files.has(`data/${k}.json`))) {
      expect(jsonOf(files, `data/${name}.json`), name).toHaveLength(manifest.counts[name]);
    }

    // The activity log: its chain recomputed offline by the shipped verifier ends at the manifest's head.
    const log = jsonOf(files, 'data/activity-log.json');
    expect(manifest.activityLog.head).toEqual({ events: log.length, hash: log.at(-1).hash });
    expect(log.map((e: { action: string }) => e.action)).toContain('account_export.requested');
    const verify = await call(h, admin, 'GET', '/audit/verify');
    expect(verify.json().intact).toBe(true);
    const dir = unzipTo(files);
    try {
      const ok = spawnSync(process.execPath, [path.join(dir, 'verify-activity-log.mjs'), dir], { encoding: 'utf8' });
      expect(ok.status, ok.stderr).toBe(0);
      expect(ok.stdout).toContain(`${log.length} entries`);
      // An edited entry breaks the chain.
      const logFile = path.join(dir, 'data', 'activity-log.json');
      const text = readFileSync(logFile, 'utf8');
      writeFileSync(logFile, text.replace('"action":"contract.created"', '"action":"contract.updated"'));
      const edited = spawnSync(process.execPath, [path.join(dir, 'verify-activity-log.mjs'), dir], {
        encoding: 'utf8',
      });
      expect(edited.status).toBe(1);
      expect(edited.stderr).toContain('content does not match its hash');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }

    // Nothing of the other org.
    for (const [name, bytes] of files) {
      expect(bytes.includes('Stranger'), name).toBe(false);
      expect(bytes.includes(orgOf(stranger)), name).toBe(false);
    }

    const actions = (await auditEvents(h, admin, '&objectType=account_export')).map((e) => e.action);
    expect(actions).toEqual(['account_export.downloaded', 'account_export.completed', 'account_export.requested']);
  });

  it('pages custom field values of contracts and partners without a gap or a repeat, whatever the page size', async () => {
    const admin = await signUpOrg(h);
    for (const [entity, label] of [
      ['contract', 'Tier'],
      ['contract', 'Region'],
      ['partner', 'Rating'],
    ] as const) {
      const field = await call(h, admin, 'POST', '/custom-fields', { entity, label, type: 'text' });
      expect(field.statusCode, field.body).toBe(201);
    }
    for (let i = 0; i < 4; i++) {
      await newContract(h, admin, { title: `C${i}`, custom: { tier: `T${i}`, ...(i % 2 ? { region: `R${i}` } : {}) } });
      const partner = await call(h, admin, 'POST', '/partners', {
        name: `Partner ${i}`,
        type: 'supplier',
        custom: { rating: `P${i}` },
      });
      expect(partner.statusCode, partner.body).toBe(201);
    }
    const values = DATASETS.find((d) => d.name === 'custom-field-values')!;
    const orgId = admin.me.org.id;
    const all = await withClaims(h.database.db, { orgId }, (tx) => values.page(tx, orgId, null, 100));
    expect(all).toHaveLength(4 + 2 + 4);
    expect(await withClaims(h.database.db, { orgId }, (tx) => values.count(tx, orgId))).toBe(10);
    for (const size of [1, 2, 3]) {
      const walked: Row[] = [];
      let after: string | null = null;
      for (;;) {
        const cursor: string | null = after;
        const page: Row[] = await withClaims(h.database.db, { orgId }, (tx) => values.page(tx, orgId, cursor, size));
        walked.push(...page);
        if (page.length < size) break;
        after = String(page.at(-1)!.id);
      }
      expect(walked, `pages of ${size}`).toEqual(all);
    }
  });

  it('writes German CSV (semicolons) when asked, and lists past exports', async () => {
    const admin = await signUpOrg(h);
    await newContract(h, admin, { title: 'Wartung; Halle' });
    const done = await exportNow(admin, { locale: 'de' });
    const files = await readZip(await download(admin, done.id));
    const csv = files.get('data/contracts.csv')!.toString('utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('"Wartung; Halle"');
    expect(csv.split('\r\n')[0]).toContain(';');
    const listed = (await call(h, admin, 'GET', '/account-exports')).json().items;
    expect(listed).toMatchObject([{ id: done.id, status: 'done', locale: 'de' }]);
    // An org key rotation rewraps the export's data key with the documents' (and may destroy the old key).
    await rotateOrg(h.app.deps, orgOf(admin), { batchSize: 2, destroyRetired: true });
    expect(sha(await download(admin, done.id))).toBe(done.sha256);
  });

  it('refuses bad input, a second export at once, no session, other orgs and non-administrators', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    const bad = expectProblem(
      await call(h, admin, 'POST', '/account-exports', { locale: 'fr' }),
      422,
      'validation_failed',
    );
    expect(bad.errors?.[0]?.field).toBe('locale');
    expectProblem(await call(h, null, 'POST', '/account-exports', {}), 401, 'unauthenticated');
    expectProblem(await call(h, null, 'GET', '/account-exports'), 401, 'unauthenticated');
    expectProblem(await call(h, editor, 'POST', '/account-exports', {}), 403, 'forbidden');
    expectProblem(await call(h, editor, 'GET', '/account-exports'), 403, 'forbidden');

    const queued = (await call(h, admin, 'POST', '/account-exports', {})).json() as AccountExport;
    const again = expectProblem(await call(h, admin, 'POST', '/account-exports', {}), 409, 'conflict');
    expect(again.reason).toBe('export_in_progress');
    const early = expectProblem(await call(h, admin, 'GET', `/account-exports/${queued.id}/download`), 409, 'conflict');
    expect(early.reason).toBe('export_not_ready');
    expect(await buildNext(h.app.deps, orgOf(admin), new Date())).toEqual({ built: 1, failed: 0 });

    expectProblem(await call(h, stranger, 'GET', `/account-exports/${queued.id}`), 404, 'not_found');
    expectProblem(await call(h, stranger, 'GET', `/account-exports/${queued.id}/download`), 404, 'not_found');
    expectProblem(await call(h, editor, 'GET', `/account-exports/${queued.id}/download`), 403, 'forbidden');
    expect((await call(h, stranger, 'GET', '/account-exports')).json().items).toEqual([]);
    expect(await buildNext(h.app.deps, orgOf(stranger), new Date())).toEqual({ built: 0, failed: 0 });
    const actions = (await auditEvents(h, admin, '&objectType=account_export')).map((e) => e.action);
    expect(actions).toEqual(['account_export.completed', 'account_export.requested']);
  });

  it('deletes the ZIP 7 days after it was made, and then answers 410', async () => {
    const admin = await signUpOrg(h);
    const done = await exportNow(admin);
    const name = exportBlobName(orgOf(admin), done.id);
    expect(await h.app.deps.blobs.size(name)).toBeGreaterThan(0);
    const finished = Date.parse(done.finishedAt!);
    expect(await expireExports(h.app.deps, orgOf(admin), new Date(finished + 6 * DAY_MS))).toEqual({ expired: 0 });
    expect(await h.app.deps.blobs.size(name)).toBeGreaterThan(0);
    expect(await expireExports(h.app.deps, orgOf(admin), new Date(finished + 7 * DAY_MS + 1))).toEqual({ expired: 1 });
    expect(await h.app.deps.blobs.size(name)).toBeNull();
    expect((await call(h, admin, 'GET', `/account-exports/${done.id}`)).json()).toMatchObject({ status: 'expired' });
    const gone = expectProblem(await call(h, admin, 'GET', `/account-exports/${done.id}/download`), 410, 'gone');
    expect(gone.reason).toBe('export_expired');
    const actions = (await auditEvents(h, admin, '&objectType=account_export')).map((e) => e.action);
    expect(actions[0]).toBe('account_export.expired');
  });

  it('marks the export failed with the reason, and keeps no ZIP, when a document cannot be read', async () => {
    const admin = await signUpOrg(h);
    const contract = await newContract(h, admin);
    const doc = (
      await uploadDocument(h, admin, `/contracts/${contract.id}/documents`, 'a.pdf', pdfWithText(['Lost file.']))
    ).json() as Document;
    const stored: string[] = [];
    for await (const name of h.app.deps.blobs.list(`orgs/${orgOf(admin)}`)) stored.push(name);
    expect(stored).toHaveLength(doc.versions.length);
    for (const name of stored) await h.app.deps.blobs.delete(name);
    const started = (await call(h, admin, 'POST', '/account-exports', {})).json() as AccountExport;
    expect(await buildNext(h.app.deps, orgOf(admin), new Date())).toEqual({ built: 0, failed: 1 });
    const failed = (await call(h, admin, 'GET', `/account-exports/${started.id}`)).json() as AccountExport;
    expect(failed).toMatchObject({ status: 'failed', size: null, expiresAt: null });
    expect(failed.error).toMatch(/integrity check/);
    expect(await h.app.deps.blobs.size(exportBlobName(orgOf(admin), started.id))).toBeNull();
    expectProblem(await call(h, admin, 'GET', `/account-exports/${started.id}/download`), 409, 'conflict');
    const actions = (await auditEvents(h, admin, '&objectType=account_export')).map((e) => e.action);
    expect(actions).toEqual(['account_export.failed', 'account_export.requested']);
  });
});

import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { ConfigError, loadConfig } from '../../config.js';
import { requireMasterKeys, startServer } from '../../server.js';
import {
  auditEvents,
  type Caller,
  call,
  expectProblem,
  PASSWORD,
  signInAt,
  signUpOrg,
  uploadDocument,
} from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { ownDatabase } from '../../test/own-database.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { type Enrolled, enrolTotp, freshCode, pendingFrom, secondFactorAt } from '../factors/factors.fixtures.js';
import { type RotationProgress, rotateMaster } from './keys.rotation.js';
import { keyStatus } from './keys.status.js';

// Master keys are shared by every org in a database, so this file works in one of its own.
const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
const OLD = `1:${K1}`;
const BOTH = `1:${K1},2:${K2};active=2`;
const NEW = `2:${K2}`;
/** Neither of the versions the key store uses, whichever test ran first. */
const UNRELATED = `3:${randomBytes(32).toString('base64')}`;

let own: Awaited<ReturnType<typeof ownDatabase>>;
const orgs: { admin: Caller; contractId: string; docs: { id: string; bytes: Buffer }[] }[] = [];
/** The first org's administrator holds an authenticator app: its secret is sealed under the master key too. */
let factor: Enrolled;

/** A harness on the own database with the given MASTER_KEYS: an instance (re)started with that configuration. */
const start = (masterKeys: string) => startHarness({ ...own.env, MASTER_KEYS: masterKeys });

async function withHarness<T>(masterKeys: string, fn: (h: Harness) => Promise<T>): Promise<T> {
  const h = await start(masterKeys);
  try {
    return await fn(h);
  } finally {
    await h.close();
  }
}

async function expectDownloadsMatch(h: Harness) {
  for (const { admin, docs } of orgs) {
    for (const doc of docs) {
      const res = await call(h, admin, 'GET', `/documents/${doc.id}/content`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.equals(doc.bytes)).toBe(true);
    }
  }
}

const inUse = async (h: Harness) =>
  Object.fromEntries((await keyStatus(h.app.deps)).masterVersionsInUse.map((u) => [u.version, u.orgKeys]));

beforeAll(async () => {
  own = await ownDatabase('master_keys');
  await withHarness(OLD, async (h) => {
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
      orgs.push({ admin, contractId, docs });
    }
    factor = await enrolTotp(h, orgs[0]!.admin);
  });
}, 120_000);
afterAll(() => own.drop());

describe('master key rotation', () => {
  it('rewraps every org key under the new version, resumes after a crash, and then has nothing to do', async () => {
    await withHarness(BOTH, async (h) => {
      expect(await inUse(h)).toEqual({ 1: 3 });

      // A crash after the second org: its work so far is committed, the rest is not begun.
      const crash = (p: RotationProgress) => {
        if (p.step === 'master' && p.done === 2) throw new Error('crash after two orgs');
      };
      await expect(rotateMaster(h.app.deps, { onProgress: crash })).rejects.toThrow('crash after two orgs');
      expect(await inUse(h)).toEqual({ 1: 1, 2: 2 });
      await expectDownloadsMatch(h);

      const seen: RotationProgress[] = [];
      const rerun = await rotateMaster(h.app.deps, { onProgress: (p) => seen.push(p) });
      expect(rerun).toEqual({ masterVersion: 2, orgs: 3, rotatedOrgs: 1, orgKeys: 1, userSecrets: 1 });
      expect(seen.map((p) => p.step === 'master' && p.done)).toEqual([1, 2, 3]);
      const status = await keyStatus(h.app.deps);
      expect(status.masterVersionsInUse).toEqual([{ version: 2, orgKeys: 3, orgs: 3, configured: true }]);
      expect(status.userSecretsPerMasterVersion).toEqual([{ version: 2, secrets: 1 }]);
      expect(status.unusedMasterVersions).toEqual([1]);

      expect(await rotateMaster(h.app.deps)).toEqual({
        masterVersion: 2,
        orgs: 3,
        rotatedOrgs: 0,
        orgKeys: 0,
        userSecrets: 0,
      });
      for (const { admin } of orgs) {
        const rotated = (await auditEvents(h, admin)).filter((e) => e.action === 'keys.master_rotated');
        expect(rotated).toHaveLength(1);
        expect(rotated[0]!.changes).toEqual({ masterVersion: { before: [1], after: 2 } });
        expect(rotated[0]!.actor).toMatchObject({ type: 'system', name: 'deedbox keys' });
      }
      await expectDownloadsMatch(h);
    });

    // The old version removed from MASTER_KEYS: the instance starts, every document still opens, the app's codes still work.
    await withHarness(NEW, async (h) => {
      await requireMasterKeys(h.database, h.config);
      await expectDownloadsMatch(h);
      const email = orgs[0]!.admin.me!.user!.email;
      const pending = pendingFrom(await signInAt(h, '10.14.0.1', email, PASSWORD));
      expect((await secondFactorAt(h, '10.14.0.1', pending, 'totp', freshCode(factor))).statusCode).toBe(200);
    });
  }, 120_000);

  it('refuses to start without a master key version in use, or with a wrong key for it', async () => {
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', HOST: '127.0.0.1', WORKER: 'false', ...own.env });
    const missing = await startServer({
      ...config,
      masterKeys: loadConfig({ ...own.env, MASTER_KEYS: UNRELATED }).masterKeys,
    })
      .then(async (running) => {
        await running.stop();
        return null;
      })
      .catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(ConfigError);
    expect((missing as ConfigError).problems).toEqual([
      expect.stringMatching(
        /^MASTER_KEYS: version [12] is missing, but 1 second-factor secret\(s\) are sealed under it/,
      ),
      expect.stringMatching(
        /^MASTER_KEYS: version [12] is missing, but 3 org key\(s\) of 3 organization\(s\) are wrapped/,
      ),
    ]);

    const wrong = (v: number) => `${v}:${randomBytes(32).toString('base64')}`;
    await withHarness(`${wrong(1)},${wrong(2)};active=2`, async (h) => {
      const refused = await requireMasterKeys(h.database, h.config).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(ConfigError);
      expect((refused as ConfigError).problems[0]).toMatch(/version [12] does not open the org keys wrapped under it/);
    });
  }, 60_000);

  it('answers a download whose org key is under a missing master version with a clear error, and logs it', async () => {
    await withHarness(UNRELATED, async (h) => {
      const { admin, contractId, docs } = orgs[0]!;
      const res = await call(h, admin, 'GET', `/documents/${docs[0]!.id}/content`);
      expectProblem(res, 500, 'key_unavailable');
      const line = await h.waitForLog((l) => l.includes('"problem":"master_key_missing"'));
      expect(JSON.parse(line)).toMatchObject({ level: 50, orgId: admin.me!.org.id, masterVersion: expect.any(Number) });
      // An upload is refused the same way, before a byte is read.
      const upload = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'x.pdf', pdfWithText(['x']));
      expectProblem(upload, 500, 'key_unavailable');
      expectProblem(await call(h, admin, 'GET', `/contracts/${contractId}/documents`), 500, 'key_unavailable');
    });
  }, 60_000);
});

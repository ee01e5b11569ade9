import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { auditEvents, call, signUpOrg, uploadDocument } from '../../test/api.js';
import { cliRunner, type Outcome } from '../../test/cli.js';
import { pdfWithText } from '../../test/files.js';
import { startHarness } from '../../test/harness.js';
import { ownDatabase } from '../../test/own-database.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import type { KeyStatus } from './keys.status.js';

const { deedboxWith } = cliRunner('keys');
let own: Awaited<ReturnType<typeof ownDatabase>>;
beforeAll(async () => {
  own = await ownDatabase('keys_cli');
});
afterAll(() => own.drop());

const K1 = randomBytes(32).toString('base64');
const K2 = randomBytes(32).toString('base64');
const OLD = `1:${K1}`;
const BOTH = `1:${K1},2:${K2};active=2`;
const NEW = `2:${K2}`;

const keys = (masterKeys: string, ...args: string[]) =>
  deedboxWith({ ...own.env, MASTER_KEYS: masterKeys }, 'keys', ...args);

function json<T>(outcome: Outcome): T {
  if (outcome.code !== 0) throw new Error(`exit ${outcome.code}: ${outcome.stderr}`);
  return JSON.parse(outcome.stdout) as T;
}

describe('deedbox keys', () => {
  it('rotates the master key and an org key as commands of their own, progress on stderr, a summary on stdout', async () => {
    // An org with a document, stored by an instance that has master key version 1 only.
    const bytes = pdfWithText(['Rotated, never re-encrypted.']);
    const first = await startHarness({ ...own.env, MASTER_KEYS: OLD });
    const admin = await signUpOrg(first);
    const orgId = admin.me!.org.id;
    let documentId: string;
    try {
      const contractId = (await newContract(first, admin)).id;
      const res = await uploadDocument(first, admin, `/contracts/${contractId}/documents`, 'lease.pdf', bytes);
      documentId = (res.json() as Document).id;
    } finally {
      await first.close();
    }

    const before = json<KeyStatus>(await keys(BOTH, 'status'));
    expect(before.masterKeys).toEqual({ active: 2, configured: [1, 2] });
    expect(before.masterVersionsInUse).toEqual([{ version: 1, orgKeys: 1, orgs: 1, configured: true }]);
    expect(before.orgs).toEqual([{ orgId, orgKeys: [{ version: 1, state: 'active', masterVersion: 1, rows: 2 }] }]);

    const master = await keys(BOTH, 'rotate-master');
    expect(json(master)).toEqual({ masterVersion: 2, orgs: 1, rotatedOrgs: 1, orgKeys: 1, userSecrets: 0 });
    expect(master.stderr).toBe(`org ${orgId}: 1 org key(s) rewrapped (1/1 orgs)\n`);
    const rotated = json<KeyStatus>(await keys(BOTH, 'status'));
    expect(rotated.masterVersionsInUse).toEqual([{ version: 2, orgKeys: 1, orgs: 1, configured: true }]);
    expect(rotated.unusedMasterVersions).toEqual([1]);

    // Version 1 is gone from MASTER_KEYS from here on.
    const org = await keys(NEW, 'rotate-org', '--org', orgId, '--destroy-retired');
    expect(json(org)).toEqual({
      orgs: [{ orgId, orgKeyVersion: 2, resumed: false, retired: [1], rewrapped: 2, destroyed: [1], kept: [] }],
    });
    expect(org.stderr.split('\n')).toEqual(
      expect.arrayContaining([
        `org ${orgId}: rotating to org key version 2`,
        `org ${orgId}: 1 documents rows rewrapped`,
        `org ${orgId}: 1 document_versions rows rewrapped`,
      ]),
    );

    const after = await startHarness({ ...own.env, MASTER_KEYS: NEW });
    try {
      const download = await call(after, admin, 'GET', `/documents/${documentId!}/content`);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      const actions = (await auditEvents(after, admin)).map((e) => e.action).filter((a) => a.startsWith('keys.'));
      expect(actions).toEqual(['keys.org_keys_destroyed', 'keys.org_rotated', 'keys.master_rotated']);
    } finally {
      await after.close();
    }

    // An instance still configured with version 1 only refuses to start, naming what is missing.
    const serve = await deedboxWith(
      { ...own.env, MASTER_KEYS: OLD, PORT: '0', HOST: '127.0.0.1', WORKER: 'false' },
      'serve',
    );
    expect(serve.code).toBe(1);
    expect(serve.stderr).toMatch(/MASTER_KEYS: version 2 is missing, but 1 org key\(s\) of 1 organization\(s\)/);
  }, 600_000);

  it('answers bad key arguments with one line on stderr and exit code 2', async () => {
    const org = randomUUID();
    const cases: [string[], RegExp][] = [
      [['rotate-org'], /^deedbox: --org: give --org ID or --all/],
      [['rotate-org', '--org', org, '--all'], /^deedbox: --org: give --org ID or --all/],
      [['rotate-org', '--org', org], /^deedbox: --org: no organization /],
      [['destroy-retired', '--all', '--destroy-retired'], /^deedbox: unknown option --destroy-retired/],
      [['rotate'], /^deedbox: unknown command "keys rotate"/],
    ];
    const outcomes = await Promise.all(cases.map(([args]) => keys(OLD, ...args)));
    outcomes.forEach((outcome, i) => {
      expect(outcome.code, cases[i]![0].join(' ')).toBe(2);
      expect(outcome.stdout).toBe('');
      expect(outcome.stderr).toMatch(cases[i]![1]);
      expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
    });
  }, 300_000);
});

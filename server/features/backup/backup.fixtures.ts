import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/client.js';
import { createBlobStore } from '../../platform/storage/create-store.js';
import { signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness, TEST_MASTER_KEYS } from '../../test/harness.js';
import type { ownDatabase } from '../../test/own-database.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { backupJobs } from './backup.jobs.js';
import type { BackupDeps } from './backup.service.js';

export type Own = Awaited<ReturnType<typeof ownDatabase>>;

/** The deployment on an own database: its database (migrated) and its blob store, as the CLI opens them. */
export async function openDeployment(
  own: Own,
  shared: Record<string, string>,
): Promise<BackupDeps & { close(): Promise<void> }> {
  const config = loadConfig({ ...own.env, ...shared });
  const database = await openDatabase(config);
  await database.migrate();
  const blobs = await createBlobStore(config.storage);
  return {
    config,
    database,
    blobs,
    async close() {
      await blobs.close();
      await database.close();
    },
  };
}

export interface Org {
  orgId: string;
  email: string;
  contractId: string;
  doc: { id: string; bytes: Buffer };
}

/** A new org whose administrator uploaded one document to one contract. */
export async function orgWithDocument(h: Harness, name: string): Promise<Org> {
  const admin = await signUpOrg(h, name);
  const contractId = (await newContract(h, admin)).id;
  const bytes = pdfWithText([`${name} lease`]);
  const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'lease.pdf', bytes);
  expect(res.statusCode, res.body).toBe(201);
  return { orgId: admin.me.org.id, email: admin.email, contractId, doc: { id: (res.json() as Document).id, bytes } };
}

/** The settings a deployment and the deployments its backups are restored into share: keys and secrets. */
export const sharedSecrets = () => ({
  NODE_ENV: 'test',
  MASTER_KEYS: TEST_MASTER_KEYS,
  BACKUP_KEYS: `1:${randomBytes(32).toString('base64')}`,
  SECRET_KEY: randomBytes(32).toString('base64url'),
  SCRYPT_LOG_N: '12',
});

/** The scheduled backup job, as the worker runs it. */
export const backupCreateJob = backupJobs.find((j) => j.name === 'backup.create')! as Extract<
  (typeof backupJobs)[number],
  { scope: 'global' }
>;

/**
 * A deployment on its own database taking scheduled backups to `places` (BACKUP_KEEP 2; no worker:
 * the test runs the jobs), with two orgs of one document each: a, to be deleted, and b.
 */
export async function twoOrgDeployment(own: Own, shared: Record<string, string>, places: Record<string, string>) {
  const h = await startHarness({ ...own.env, ...shared, ...places, BACKUP_KEEP: '2', WORKER: 'false' });
  const a = await orgWithDocument(h, 'Leaving GmbH');
  const b = await orgWithDocument(h, 'Staying AG');
  return { h, a, b };
}

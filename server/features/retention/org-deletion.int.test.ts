import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import { rowsOf } from '../../db/client.js';
import { setClaims } from '../../db/tx.js';
import { type Actor, type Deps, runInOrg } from '../../platform/context.js';
import type { BlobStore } from '../../platform/storage/blob-store.js';
import { addMember, auditEvents, call, PASSWORD, signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';
import { setLegalHold } from './legal-hold.service.js';
import { deleteOrganization, deletionReceipts, OrgDeletionError, planDeletion } from './org-deletion.js';
import { publicKeyOf, receiptSigningKey, verifyReceipt } from './receipts.js';

let h: Harness;
let deps: Deps;
const OPERATOR: Actor = { type: 'system', name: 'test operator' };
const request = { id: 'test', ip: null, userAgent: null, via: 'cli' as const };

beforeAll(async () => {
  h = await startHarness();
  deps = h.app.deps;
});
afterAll(() => h.close());

/** An org with a member, a contract and a document, as a customer leaves it. */
async function filledOrg(name: string) {
  const admin = await signUpOrg(h, name);
  const member = await addMember(h, admin);
  const contract = await newContract(h, admin, { title: `${name} lease` });
  const upload = await uploadDocument(
    h,
    admin,
    `/contracts/${contract.id}/documents`,
    'lease.pdf',
    pdfWithText([name]),
  );
  expect(upload.statusCode, upload.body).toBe(201);
  return { admin, member, orgId: admin.me!.org.id, contractId: contract.id, document: upload.json() as Document };
}

/** Rows of the org left in any table with an org_id, and its keys: read as the schema owner, claiming that org. */
async function leftovers(orgId: string): Promise<Record<string, number>> {
  return deps.database.db.transaction(async (tx) => {
    await setClaims(tx, { orgId, jobs: 'on' });
    const tables = rowsOf<{ name: string }>(
      await tx.execute(sql`select table_name as name from information_schema.columns
        where table_schema = 'public' and column_name = 'org_id' and table_name <> 'org_deletions'`),
    );
    const left: Record<string, number> = {};
    for (const { name } of [...tables, { name: 'keystore.org_keys' }]) {
      const [schema, table] = name.includes('.') ? name.split('.') : ['public', name];
      const n = Number(
        rowsOf<{ n: string }>(
          await tx.execute(
            sql`select count(*) as n from ${sql.identifier(schema!)}.${sql.identifier(table!)} where org_id = ${orgId}`,
          ),
        )[0]!.n,
      );
      if (n > 0) left[name] = n;
    }
    const org = rowsOf(await tx.execute(sql`select id from orgs where id = ${orgId}`));
    if (org.length > 0) left.orgs = org.length;
    return left;
  });
}

async function blobsOf(orgId: string, store: BlobStore = deps.blobs): Promise<string[]> {
  const names: string[] = [];
  for await (const name of store.list(`orgs/${orgId}`)) names.push(name);
  return names;
}

const signIn = (email: string) => call(h, null, 'POST', '/auth/sign-in', { email, password: PASSWORD });

describe('deleting an organization', () => {
  it('removes every row, blob, person and key of the org, signs a receipt, and leaves the other org whole', async () => {
    const doomed = await filledOrg('Doomed GmbH');
    const kept = await filledOrg('Kept AG');

    const plan = await planDeletion(deps, doomed.orgId);
    expect(plan).toMatchObject({ orgId: doomed.orgId, name: 'Doomed GmbH', legalHold: null });
    expect(plan.counts).toMatchObject({ contracts: 1, documents: 1, document_versions: 1, users: 2, blobs: 1 });
    expect(plan.counts.orgKeys).toBeGreaterThanOrEqual(1);
    expect(plan.counts.audit_events).toBeGreaterThan(3);

    // A legal hold stops it; released, it goes on. Both are in the org's activity log.
    await runInOrg(deps, { orgId: doomed.orgId, actor: OPERATOR }, request, (ctx) =>
      setLegalHold(ctx, 'Litigation 2026-17'),
    );
    expect((await planDeletion(deps, doomed.orgId)).legalHold).toBe('Litigation 2026-17');
    // The account's administrators see it on their subscription page.
    expect((await call(h, doomed.admin, 'GET', '/subscription')).json().legalHold).toMatchObject({
      reason: 'Litigation 2026-17',
    });
    await expect(deleteOrganization(deps, doomed.orgId, 'operator')).rejects.toMatchObject({ code: 'legal_hold' });
    expect(await leftovers(doomed.orgId)).toMatchObject({ orgs: 1, contracts: 1 });
    await runInOrg(deps, { orgId: doomed.orgId, actor: OPERATOR }, request, (ctx) => setLegalHold(ctx, null));
    expect((await call(h, doomed.admin, 'GET', '/subscription')).json().legalHold).toBeNull();
    expect((await auditEvents(h, doomed.admin, '&action=org.legal_hold_set')).length).toBe(1);
    expect((await auditEvents(h, doomed.admin, '&action=org.legal_hold_released')).length).toBe(1);

    const receipt = await deleteOrganization(deps, doomed.orgId, 'operator');
    expect(receipt).toMatchObject({ kind: 'deedbox.deletion-receipt', orgId: doomed.orgId, reason: 'operator' });
    expect(receipt.orgNameSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(receipt.counts).toMatchObject({ contracts: 1, documents: 1, users: 2, blobs: 1 });
    expect(JSON.stringify(receipt)).not.toContain('Doomed');
    expect(JSON.stringify(receipt)).not.toContain(doomed.admin.email);

    // Nothing of it is left: rows, keys, blobs, people, sessions.
    expect(await leftovers(doomed.orgId)).toEqual({});
    expect(await blobsOf(doomed.orgId)).toEqual([]);
    expect((await call(h, doomed.admin, 'GET', '/me')).statusCode).toBe(401);
    expect((await signIn(doomed.admin.email)).statusCode).toBe(401);
    expect((await signIn(doomed.member.email)).statusCode).toBe(401);

    // The receipt verifies with this deployment's key; a changed one or another key's does not.
    const ownKey = publicKeyOf(receiptSigningKey(h.config.secretKey)).publicKey;
    expect(verifyReceipt(JSON.stringify(receipt), ownKey)).toMatchObject({ ok: true });
    const forged = { ...receipt, counts: { ...receipt.counts, contracts: 0 } };
    expect(verifyReceipt(JSON.stringify(forged), ownKey)).toMatchObject({ ok: false, problem: 'bad_signature' });
    const otherKey = publicKeyOf(receiptSigningKey('another deployment secret, 32+ chars')).publicKey;
    expect(verifyReceipt(JSON.stringify(receipt), otherKey)).toMatchObject({ ok: false, problem: 'other_key' });
    expect(verifyReceipt('{"kind":"something else"}', ownKey)).toMatchObject({ ok: false, problem: 'not_a_receipt' });

    // The administrators got it by mail, attached; the operator keeps it without personal data.
    const mail = await h.sink.waitFor((m) => m.to.includes(doomed.admin.email) && m.subject.includes('deleted'));
    const attached = mail.attachments.find((a) => a.filename === `deletion-receipt-${doomed.orgId}.json`);
    expect(verifyReceipt(attached!.content, ownKey)).toMatchObject({ ok: true });
    expect(h.sink.messages.some((m) => m.to.includes(doomed.member.email) && m.subject.includes('deleted'))).toBe(
      false,
    );
    const kept_ = (await deletionReceipts(deps)).find((r) => r.orgId === doomed.orgId);
    expect(kept_).toEqual(receipt);
    // Asked again, the same receipt: a deletion runs once.
    expect(await deleteOrganization(deps, doomed.orgId, 'operator')).toEqual(receipt);

    // The other org: its people, contract, document bytes and activity-log chain are as they were.
    expect((await call(h, kept.admin, 'GET', `/contracts/${kept.contractId}`)).statusCode).toBe(200);
    const download = await call(h, kept.admin, 'GET', `/documents/${kept.document.id}/content`);
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await call(h, kept.admin, 'GET', '/audit/verify')).json()).toMatchObject({ intact: true });
    expect((await signIn(kept.member.email)).statusCode).toBe(200);
    expect(await blobsOf(kept.orgId)).toHaveLength(1);
  });

  it('resumes after a crash part-way and completes with the counts taken before anything went', async () => {
    const org = await filledOrg('Crashing GmbH');
    const planned = await planDeletion(deps, org.orgId);
    // The store fails while deleting blobs: the keys are already gone, the rows still there.
    const store = deps.blobs;
    const failing: BlobStore = {
      kind: store.kind,
      put: (name, body) => store.put(name, body),
      get: (name, range) => store.get(name, range),
      size: (name) => store.size(name),
      list: (prefix) => store.list(prefix),
      delete: () => Promise.reject(new Error('storage unavailable')),
      close: () => store.close(),
    };
    await expect(deleteOrganization({ ...deps, blobs: failing }, org.orgId, 'retention')).rejects.toThrow(
      'storage unavailable',
    );
    const half = await leftovers(org.orgId);
    expect(half['keystore.org_keys']).toBeUndefined();
    expect(half.contracts).toBe(1);
    // Its sessions ended when the deletion began: nobody writes to the org meanwhile.
    expect((await call(h, org.admin, 'GET', '/me')).statusCode).toBe(401);

    const receipt = await deleteOrganization(deps, org.orgId, 'retention');
    expect(receipt.counts).toEqual(planned.counts);
    expect(receipt.reason).toBe('retention');
    expect(await leftovers(org.orgId)).toEqual({});
    expect(await blobsOf(org.orgId)).toEqual([]);
  });

  it('refuses an id that is no organization', async () => {
    const unknown = '00000000-0000-4000-8000-000000000001';
    await expect(planDeletion(deps, unknown)).rejects.toBeInstanceOf(OrgDeletionError);
    await expect(deleteOrganization(deps, unknown, 'operator')).rejects.toMatchObject({ code: 'org_not_found' });
  });
});

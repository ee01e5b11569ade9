import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, expectProblem, signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { newContract } from '../contracts/contracts.fixtures.js';

let h: Harness;
let admin: Caller;
let contractId: string;

beforeAll(async () => {
  h = await startHarness({ UPLOAD_MAX_MB: '1' });
  admin = await signUpOrg(h);
  contractId = (await newContract(h, admin)).id;
});
afterAll(() => h.close());

describe('the upload size limit', () => {
  it('answers a file over the limit with 413 naming the rule, keeps nothing of it, and goes on serving', async () => {
    const tooBig = Buffer.concat([pdfWithText(['Large file.']), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    const res = await uploadDocument(h, admin, `/contracts/${contractId}/documents`, 'large.pdf', tooBig);
    const problem = expectProblem(res, 413, 'payload_too_large');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'file', rule: 'file_too_large' })]);

    const list = await call(h, admin, 'GET', `/contracts/${contractId}/documents`);
    expect(list.json().items).toEqual([]);
    const blobs: string[] = [];
    for await (const name of h.app.deps.blobs.list(`orgs/${admin.me!.org.id}`)) blobs.push(name);
    expect(blobs).toEqual([]);

    const small = await uploadDocument(
      h,
      admin,
      `/contracts/${contractId}/documents`,
      'small.pdf',
      pdfWithText(['Ok.']),
    );
    expect(small.statusCode, small.body).toBe(201);
  });
});

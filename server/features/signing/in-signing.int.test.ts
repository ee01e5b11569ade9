import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Caller, call, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { readyDraft } from './signflow.fixtures.js';

let h: Harness;
let admin: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
});
afterAll(() => h.close());

describe('a document out for signature', () => {
  it('cannot be binned, nor its contract, until the envelope is cancelled; a draft does not hold it', async () => {
    const { envelope: e } = await readyDraft(h, admin);
    const contract = `/contracts/${e.contractId}`;
    const document = `/documents/${e.documentId}`;
    expect((await call(h, admin, 'POST', `/envelopes/${e.id}/send`)).statusCode).toBe(200);

    for (const path of [document, contract]) {
      const refused = expectProblem(await call(h, admin, 'DELETE', path), 409, 'conflict');
      expect(refused).toMatchObject({ reason: 'document_in_signing', params: { envelopeId: e.id, title: e.title } });
    }
    // Nothing was binned.
    expect((await call(h, admin, 'GET', document)).json()).toMatchObject({ deletedAt: null });
    expect((await call(h, admin, 'GET', contract)).statusCode).toBe(200);

    const cancelled = await call(h, admin, 'POST', `/envelopes/${e.id}/cancel`, { reason: 'Wrong version' });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect((await call(h, admin, 'DELETE', document)).statusCode).toBe(204);
    expect((await call(h, admin, 'DELETE', contract)).statusCode).toBe(204);

    const draft = await readyDraft(h, admin);
    expect((await call(h, admin, 'DELETE', `/documents/${draft.envelope.documentId}`)).statusCode).toBe(204);
  });
});

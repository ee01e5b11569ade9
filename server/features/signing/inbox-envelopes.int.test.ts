import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import type { Envelope } from '../../../common/schemas/signing.js';
import { addMember, type Caller, call, defaultUnit, signUpOrg, uploadDocument } from '../../test/api.js';
import { pdfWithText } from '../../test/files.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
let admin: Caller;
let viewer: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
});
afterAll(() => h.close());

describe('an envelope of an inbox document', () => {
  it('is made for inbox users, with no contract, and its timeline starts with the draft', async () => {
    const up = await uploadDocument(h, admin, '/inbox', 'Offer.pdf', pdfWithText(['Offer']));
    expect(up.statusCode, up.body).toBe(201);
    const documentId = (up.json() as Document).id;
    const made = await call(h, admin, 'POST', '/envelopes', { documentId, locale: 'en' });
    expect(made.statusCode, made.body).toBe(201);
    const envelope = made.json() as Envelope;
    expect(envelope).toMatchObject({ contractId: null, documentId, title: 'Offer', status: 'draft' });
    const events = await call(h, admin, 'GET', `/envelopes/${envelope.id}/events`);
    expect(events.json().items.map((e: { kind: string }) => e.kind)).toEqual(['created']);
    const refused = await call(h, viewer, 'POST', '/envelopes', { documentId, locale: 'en' });
    expect(refused.statusCode).toBe(404);
  });
});

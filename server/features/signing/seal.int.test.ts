import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../../common/schemas/documents.js';
import type { Envelope } from '../../../common/schemas/signing.js';
import { withClaims } from '../../db/tx.js';
import { addMember, auditEvents, type Caller, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { pdfsig } from '../../test/pdfsig.js';
import { sealDue, sealEnvelope } from './seal.job.js';
import { mailTo, signedByAll } from './signflow.fixtures.js';

let h: Harness;
let admin: Caller;
let viewer: Caller;
let other: Caller;

beforeAll(async () => {
  h = await startHarness();
  admin = await signUpOrg(h);
  viewer = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
  other = await signUpOrg(h, 'Other GmbH');
});
afterAll(() => h.close());

describe('sealing a completed envelope', () => {
  it('seals once everyone signed: a new version, valid over the whole file, mailed to all, downloadable', async () => {
    const e = await signedByAll(h, admin);
    expectProblem(await call(h, admin, 'GET', `/envelopes/${e.id}/download`), 404, 'not_found');
    const result = await sealDue(h.app.deps, admin.me!.org.id, new Date());
    expect(result).toEqual({ sealed: 1, failed: 0 });
    const done = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(done).toMatchObject({ status: 'completed', sourceVersion: 1, sealedVersion: 2 });
    expect(done.completedAt).not.toBeNull();
    const doc = (await call(h, admin, 'GET', `/documents/${e.documentId}`)).json() as Document;
    expect(doc.versions.map((v) => v.number)).toEqual([2, 1]);

    const res = await call(h, viewer, 'GET', `/envelopes/${e.id}/download`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const report = await pdfsig(res.rawPayload);
    expect(report).toMatchObject({ signatures: 1, valid: true, wholeDocument: true, digestMismatch: false });
    const mail = await mailTo(h, admin, e.recipients[1]!.email, /Signed by all/);
    expect(mail.attachments[0]!.filename).toBe('Lease (signed).pdf');
    expect(Buffer.from(mail.attachments[0]!.base64, 'base64').equals(res.rawPayload)).toBe(true);
    await mailTo(h, admin, admin.me!.user!.email, /Signed by all/);

    const actions = (await auditEvents(h, admin)).map((x) => x.action);
    expect(actions).toEqual(expect.arrayContaining(['envelope.completed', 'document.downloaded']));
    expectProblem(await call(h, other, 'GET', `/envelopes/${e.id}/download`), 404, 'not_found');
    expect((await call(h, null, 'GET', `/envelopes/${e.id}/download`)).statusCode).toBe(401);
  });

  it('two attempts at once make one sealed version', async () => {
    const e = await signedByAll(h, admin);
    const orgId = admin.me!.org.id;
    const now = new Date();
    const won = await Promise.all([
      sealEnvelope(h.app.deps, orgId, e.id, now),
      sealEnvelope(h.app.deps, orgId, e.id, now),
    ]);
    expect(won.filter(Boolean)).toHaveLength(1);
    const doc = (await call(h, admin, 'GET', `/documents/${e.documentId}`)).json() as Document;
    expect(doc.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(await sealDue(h.app.deps, orgId, now)).toEqual({ sealed: 0, failed: 0 });
  });

  it('a crash mid-seal (the lease runs out) is completed by the next run, once', async () => {
    const e = await signedByAll(h, admin);
    const orgId = admin.me!.org.id;
    const now = new Date();
    // As a worker leaves it when killed after claiming: running, with a lease that has run out.
    await setSeal(
      orgId,
      e.id,
      sql`seal_state = 'running', seal_attempts = 1, seal_lease_until = ${new Date(now.getTime() - 1000)}`,
    );
    expect(await sealDue(h.app.deps, orgId, now)).toEqual({ sealed: 1, failed: 0 });
    const doc = (await call(h, admin, 'GET', `/documents/${e.documentId}`)).json() as Document;
    expect(doc.versions.map((v) => v.number)).toEqual([2, 1]);
    expect(await sealDue(h.app.deps, orgId, now)).toEqual({ sealed: 0, failed: 0 });
  });

  it('a seal that fails for the tenth time stops, is logged, and tells the sender once', async () => {
    const e = await signedByAll(h, admin);
    const orgId = admin.me!.org.id;
    const now = new Date();
    await setSeal(orgId, e.id, sql`seal_attempts = 9`);
    // This installation has lost its certificate: every attempt throws.
    const deps = { ...h.app.deps, config: { ...h.app.deps.config, signing: { name: 'x', kind: 'none' as const } } };
    expect(await sealDue(deps, orgId, now)).toEqual({ sealed: 0, failed: 1 });
    const after = (await call(h, admin, 'GET', `/envelopes/${e.id}`)).json() as Envelope;
    expect(after.status).toBe('in_progress');
    expect(await sealDue(h.app.deps, orgId, new Date(now.getTime() + 86_400_000))).toEqual({ sealed: 0, failed: 0 });

    const mail = await mailTo(h, admin, admin.me!.user!.email, /could not be sealed/);
    expect(mail.text).toContain('deedbox signing reseal');
    await mailTo(h, admin, admin.me!.user!.email, /could not be sealed/);
    const told = h.sink.messages.filter((m) => m.to.includes(admin.me!.user!.email) && /could not be/.test(m.subject));
    expect(told).toHaveLength(1);
    const events = await auditEvents(h, admin, `&objectId=${e.id}`);
    expect(events.map((x) => x.action)).toContain('envelope.seal_failed');
    const doc = (await call(h, admin, 'GET', `/documents/${e.documentId}`)).json() as Document;
    expect(doc.versions.map((v) => v.number)).toEqual([1]);
  });
});

function setSeal(orgId: string, id: string, set: ReturnType<typeof sql>) {
  return withClaims(h.database.db, { orgId }, (tx) =>
    tx.execute(sql`UPDATE signing_envelopes SET ${set} WHERE org_id = ${orgId} AND id = ${id}`),
  );
}

import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../db/tx.js';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';
import { erasePersonalOf } from './audit.repo.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** As the database owner, outside the app role: what an attacker with database access could do. */
const asOwner = (statement: ReturnType<typeof sql>) => h.database.db.execute(statement);

describe('activity log', () => {
  it('verifies an intact chain and finds the first entry that was altered behind its back', async () => {
    const admin = await signUpOrg(h);
    for (const name of ['One', 'Two', 'Three']) await call(h, admin, 'POST', '/business-units', { name });
    const intact = (await call(h, admin, 'GET', '/audit/verify')).json();
    expect(intact).toMatchObject({ intact: true, checked: 5, firstBrokenSeq: null });
    await asOwner(
      sql`update audit_events set data = jsonb_set(data, '{changes,name,after}', '"Forged"') where org_id = ${admin.me.org.id} and seq = 4`,
    );
    const broken = (await call(h, admin, 'GET', '/audit/verify')).json();
    expect(broken).toMatchObject({ intact: false, firstBrokenSeq: 4, reason: 'content does not match its hash' });
  });

  it('detects a removed entry and altered personal data', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'POST', '/business-units', { name: 'Gone' });
    await call(h, admin, 'POST', '/business-units', { name: 'Stays' });
    const org = admin.me.org.id;
    await asOwner(
      sql`update audit_personal set content = jsonb_set(content, '{ip}', '"10.6.6.6"') where org_id = ${org} and event_id = (select id from audit_events where org_id = ${org} and seq = 1)`,
    );
    expect((await call(h, admin, 'GET', '/audit/verify')).json()).toMatchObject({
      intact: false,
      firstBrokenSeq: 1,
      reason: 'personal data does not match its commitment',
    });
    await asOwner(sql`delete from audit_personal where org_id = ${org}`);
    await asOwner(sql`delete from audit_events where org_id = ${org} and seq = 3`);
    expect((await call(h, admin, 'GET', '/audit/verify')).json()).toMatchObject({
      intact: false,
      firstBrokenSeq: 4,
      reason: 'expected entry 3, found 4',
    });
  });

  it('keeps the chain verifiable after a person is erased (GDPR)', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'viewer' } });
    const before = await auditEvents(h, admin, `&actorId=${member.id}`);
    expect(before[0]!.actor.email).toBe(member.email);
    const erased = await withClaims(h.database.db, { orgId: admin.me.org.id }, (tx) =>
      erasePersonalOf(tx, admin.me.org.id, member.id),
    );
    expect(erased).toBeGreaterThanOrEqual(2);
    const after = await auditEvents(h, admin);
    expect(JSON.stringify(after)).not.toContain(member.email);
    expect(after.find((e) => e.action === 'user.invitation_accepted')).toMatchObject({
      actor: { id: member.id, email: null },
      ip: null,
    });
    expect((await call(h, admin, 'GET', '/audit/verify')).json()).toMatchObject({ intact: true });
  });

  it('filters by actor, action, object and date range, newest first, with a cursor', async () => {
    const admin = await signUpOrg(h);
    const member = await addMember(h, admin);
    await call(h, admin, 'POST', '/business-units', { name: 'Filtered' });
    const byActor = await auditEvents(h, admin, `&actorId=${member.id}`);
    expect(byActor.map((e) => e.action)).toEqual(['user.invitation_accepted']);
    expect((await auditEvents(h, admin, '&objectType=business_unit')).map((e) => e.action)).toEqual([
      'business_unit.created',
    ]);
    const today = new Date().toISOString().slice(0, 10);
    expect((await auditEvents(h, admin, `&from=${today}&to=${today}`)).length).toBe(5);
    expect(await auditEvents(h, admin, '&from=2000-01-01&to=2000-01-31')).toEqual([]);
    const page1 = (await call(h, admin, 'GET', '/audit?limit=2')).json();
    const page2 = (await call(h, admin, 'GET', `/audit?limit=2&cursor=${page1.nextCursor}`)).json();
    expect([...page1.items, ...page2.items].map((e: { seq: number }) => e.seq)).toEqual([5, 4, 3, 2]);
    expectProblem(await call(h, admin, 'GET', '/audit?from=2025-02-30'), 422, 'validation_failed');
    expectProblem(await call(h, admin, 'GET', '/audit?actorId=42'), 422, 'validation_failed');
  });

  it('exports the filtered log as CSV with hashes, defusing formulas, and logs the download', async () => {
    const admin = await signUpOrg(h);
    await call(h, admin, 'POST', '/business-units', { name: '=HYPERLINK("http://evil")' });
    const res = await h.app.inject({
      method: 'GET',
      url: '/api/v1/audit/export?objectType=business_unit',
      headers: { cookie: admin.cookie! },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="deedbox-activity-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const lines = res.body.trim().split('\r\n');
    expect(lines[0]).toBe(
      'seq,occurredAt,action,objectType,objectId,actorType,actorId,actorName,actorEmail,ip,userAgent,subjectName,subjectEmail,changes,prevHash,hash',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('business_unit.created');
    expect(lines[1]).not.toMatch(/,=HYPERLINK/);
    expect(await auditEvents(h, admin, '&action=audit.exported')).toHaveLength(1);
  });

  it('is for administrators only, and each org sees only its own log', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const stranger = await signUpOrg(h);
    expectProblem(await call(h, editor, 'GET', '/audit'), 403, 'forbidden');
    expectProblem(await call(h, editor, 'GET', '/audit/export'), 403, 'forbidden');
    expectProblem(await call(h, editor, 'GET', '/audit/verify'), 403, 'forbidden');
    expectProblem(await call(h, null, 'GET', '/audit'), 401, 'unauthenticated');
    const theirs = await auditEvents(h, stranger, `&actorId=${admin.me.user!.id}`);
    expect(theirs).toEqual([]);
    expect((await auditEvents(h, stranger)).every((e) => e.actor.id !== admin.me.user!.id)).toBe(true);
  });
});

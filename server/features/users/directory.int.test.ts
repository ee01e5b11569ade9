import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg, uniqueEmail } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const names = (res: { json: () => { items: { name: string }[] } }) => res.json().items.map((m) => m.name);

describe('GET /users/directory', () => {
  it('lists active members by name for any member, searchable by name or e-mail', async () => {
    const admin = await signUpOrg(h);
    const viewer = await addMember(h, admin, { name: 'Zoe Viewer', roles: { [defaultUnit(admin)]: 'viewer' } });
    const bea = await addMember(h, admin, { name: 'bea Editor', roles: { [defaultUnit(admin)]: 'editor' } });
    await call(h, admin, 'POST', '/users/invitations', { email: uniqueEmail('pending'), roles: {}, isAdmin: false });
    const locked = await addMember(h, admin, { name: 'Lou Locked' });
    await call(h, admin, 'POST', `/users/${locked.id}/lock`);

    const all = await call(h, viewer, 'GET', '/users/directory');
    expect(all.statusCode).toBe(200);
    // Invited and locked people cannot own anything yet (or any more), so they are left out.
    expect(names(all)).toEqual(['Ada Admin', 'bea Editor', 'Zoe Viewer']);
    expect(all.json().items[1]).toEqual({ id: bea.id, name: 'bea Editor', email: bea.email });
    expect(names(await call(h, viewer, 'GET', '/users/directory?q=EDIT'))).toEqual(['bea Editor']);
    expect(names(await call(h, viewer, 'GET', `/users/directory?q=${encodeURIComponent(viewer.email)}`))).toEqual([
      'Zoe Viewer',
    ]);
    // Wildcards are taken literally.
    expect(names(await call(h, viewer, 'GET', '/users/directory?q=%25'))).toEqual([]);
    // A read writes nothing to the activity log.
    const before = (await auditEvents(h, admin)).length;
    await call(h, admin, 'GET', '/users/directory');
    expect(await auditEvents(h, admin)).toHaveLength(before);
  });

  it('refuses bad input and callers without a session, and never lists another org', async () => {
    const admin = await signUpOrg(h);
    const stranger = await signUpOrg(h, 'Other GmbH');
    await addMember(h, stranger, { name: 'Stranger Member' });
    const bad = await call(h, admin, 'GET', `/users/directory?q=${'x'.repeat(201)}`);
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toMatch(/q$/);
    expectProblem(await call(h, null, 'GET', '/users/directory'), 401, 'unauthenticated');
    expect(names(await call(h, admin, 'GET', '/users/directory'))).toEqual(['Ada Admin']);
    expect(names(await call(h, admin, 'GET', '/users/directory?q=Stranger'))).toEqual([]);
    // No 403 case: every member, Viewer included, may read the directory (see directory.service.ts).
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, auditEvents, call, defaultUnit, expectProblem, signUpOrg } from '../../test/api.js';
import { type Harness, startHarness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const definition = { filters: { status: 'active' }, sort: 'noticeDeadline', columns: ['title', 'partner'] };

describe('saved views', () => {
  it('keeps personal views private and shared views for everyone; only admins change shared ones', async () => {
    const admin = await signUpOrg(h);
    const editor = await addMember(h, admin, { roles: { [defaultUnit(admin)]: 'editor' } });
    const mine = await call(h, editor, 'POST', '/saved-views', { entity: 'contract', name: 'Mine', definition });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ name: 'Mine', shared: false, abilities: { edit: true } });
    const shared = await call(h, admin, 'POST', '/saved-views', {
      entity: 'contract',
      name: 'Team',
      shared: true,
      definition,
    });
    expect(shared.statusCode).toBe(201);
    const seen = (await call(h, editor, 'GET', '/saved-views?entity=contract')).json().items;
    expect(seen.map((v: { name: string }) => v.name)).toEqual(['Mine', 'Team']);
    expect(seen[1].abilities.edit).toBe(false);
    expect((await call(h, admin, 'GET', '/saved-views?entity=contract')).json().items).toHaveLength(1);
    expect((await call(h, editor, 'GET', '/saved-views?entity=partner')).json().items).toHaveLength(0);

    const renamed = await call(h, editor, 'PATCH', `/saved-views/${mine.json().id}`, { name: 'Renewals' });
    expect(renamed.json().name).toBe('Renewals');
    expectProblem(await call(h, editor, 'PATCH', `/saved-views/${shared.json().id}`, { name: 'X' }), 403, 'forbidden');
    expectProblem(await call(h, editor, 'PATCH', `/saved-views/${mine.json().id}`, { shared: true }), 403, 'forbidden');
    expectProblem(
      await call(h, editor, 'POST', '/saved-views', { entity: 'contract', name: 'S', shared: true, definition }),
      403,
      'forbidden',
    );
    // Another user's personal view does not exist for anyone else, administrators included.
    expectProblem(await call(h, admin, 'PATCH', `/saved-views/${mine.json().id}`, { name: 'X' }), 404, 'not_found');
    expectProblem(await call(h, admin, 'DELETE', `/saved-views/${mine.json().id}`), 404, 'not_found');
    expect((await call(h, editor, 'DELETE', `/saved-views/${mine.json().id}`)).statusCode).toBe(204);
    expect((await call(h, admin, 'DELETE', `/saved-views/${shared.json().id}`)).statusCode).toBe(204);

    const events = await auditEvents(h, admin, '&objectType=saved_view');
    expect(events.map((e) => e.action).sort()).toEqual([
      'saved_view.created',
      'saved_view.created',
      'saved_view.deleted',
      'saved_view.deleted',
      'saved_view.updated',
    ]);
    expect(events.find((e) => e.action === 'saved_view.updated')!.changes).toEqual({
      name: { before: 'Mine', after: 'Renewals' },
    });
  });

  it('refuses bad input, strangers and other orgs', async () => {
    const admin = await signUpOrg(h);
    const bad = await call(h, admin, 'POST', '/saved-views', { entity: 'invoice', name: 'X', definition });
    expect(expectProblem(bad, 422, 'validation_failed').errors?.[0]?.field).toBe('entity');
    const noName = await call(h, admin, 'POST', '/saved-views', { entity: 'contract', name: ' ', definition });
    expect(expectProblem(noName, 422, 'validation_failed').errors?.[0]).toMatchObject({ field: 'name' });
    expectProblem(await call(h, null, 'GET', '/saved-views?entity=contract'), 401, 'unauthenticated');
    const view = (
      await call(h, admin, 'POST', '/saved-views', { entity: 'partner', name: 'P', shared: true, definition })
    ).json();
    const other = await signUpOrg(h);
    expectProblem(await call(h, other, 'PATCH', `/saved-views/${view.id}`, { name: 'Y' }), 404, 'not_found');
    expect((await call(h, other, 'GET', '/saved-views?entity=partner')).json().items).toEqual([]);
  });
});

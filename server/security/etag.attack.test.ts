import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Harness } from '../test/harness.js';
import { type DocRoute, describeRes, sampleRequest, send } from './attack.kit.js';
import { attackStart, type World } from './attack.world.js';

let h: Harness;
let world: World;
let routes: DocRoute[];
beforeAll(async () => {
  ({ h, world, routes } = await attackStart());
});
afterAll(() => h?.close());

describe('attack: ETags', () => {
  it('tags every patchable resource; a stale If-Match is 412 and changes nothing, its own tag goes through', async () => {
    const admin = world.a.callers.admin;
    const failures: string[] = [];
    const tagged: string[] = [];
    for (const patch of routes.filter((r) => r.method === 'PATCH')) {
      const get = routes.find((r) => r.method === 'GET' && r.path === patch.path);
      if (!get) continue;
      const req = await sampleRequest(patch, world.a);
      const read = await send(h, admin, get, { params: req.params });
      const tag = read.headers.etag;
      if (typeof tag !== 'string') continue;
      tagged.push(patch.key);
      const stale = await send(h, admin, patch, { ...req, headers: { 'if-match': 'W/"stale"' } });
      if (stale.statusCode !== 412) failures.push(`${patch.key} with a stale If-Match → ${describeRes(stale)}`);
      const after = await send(h, admin, get, { params: req.params });
      if (after.headers.etag !== tag) failures.push(`${patch.key}: a refused PATCH changed the resource`);
      const fresh = await send(h, admin, patch, { ...req, headers: { 'if-match': tag } });
      if (fresh.statusCode >= 300) failures.push(`${patch.key} with its own tag → ${describeRes(fresh)}`);
    }
    expect(failures).toEqual([]);
    // The resources docs/api.md names (the rest have no GET of their own to read a tag from).
    expect(tagged.sort()).toEqual(
      [
        'PATCH /api/v1/approval-templates/{id}',
        'PATCH /api/v1/contracts/{id}',
        'PATCH /api/v1/documents/{id}',
        'PATCH /api/v1/envelopes/{id}',
        'PATCH /api/v1/events/{id}',
        'PATCH /api/v1/me',
        'PATCH /api/v1/partners/{id}',
        'PATCH /api/v1/reminders/{id}',
        'PATCH /api/v1/settings/reminders',
        'PATCH /api/v1/settings/repository',
        'PATCH /api/v1/settings/security',
      ].sort(),
    );
  });
});

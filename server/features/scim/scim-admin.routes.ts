import { z } from 'zod';
import { idParams, page, pageQuery } from '../../../common/schemas/common.js';
import { scimGroup, scimGroupMappingInput, scimSettings, scimTokenCreated } from '../../../common/schemas/scim.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import * as scim from './scim-admin.service.js';

const nameCursor = z.tuple([z.string(), z.uuid()]);

/** The administrator's side of provisioning: the token and the mapping of groups to roles. */
export function scimAdminRoutes(app: App) {
  const tags = ['provisioning'];
  app.get('/settings/scim', { schema: { tags, response: { 200: scimSettings } } }, (req) => inOrg(req, scim.settings));

  app.post('/settings/scim/token', { schema: { tags, response: { 201: scimTokenCreated } } }, async (req, reply) =>
    reply.code(201).send(await inOrg(req, scim.createToken)),
  );

  app.delete('/settings/scim/token', { schema: { tags } }, async (req, reply) => {
    await inOrg(req, scim.revokeToken);
    return reply.code(204).send();
  });

  app.get(
    '/settings/scim/groups',
    { schema: { tags, querystring: pageQuery, response: { 200: page(scimGroup) } } },
    async (req) => {
      const result = await inOrg(req, (ctx) =>
        scim.listGroups(ctx, req.query.limit, decodeCursor(req.query.cursor, nameCursor)),
      );
      return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
    },
  );

  app.put(
    '/settings/scim/groups/:id/mapping',
    { schema: { tags, params: idParams, body: scimGroupMappingInput, response: { 200: scimGroup } } },
    (req) => inOrg(req, (ctx) => scim.mapGroup(ctx, req.params.id, req.body)),
  );
}

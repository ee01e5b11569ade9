import { z } from 'zod';
import { idParams, pageQuery } from '../../../common/schemas/common.js';
import { contractInput } from '../../../common/schemas/contracts.js';
import { document, inboxList } from '../../../common/schemas/documents.js';
import { inboxAddress, inboxAttachInput, inboxConvertOutput, inboxSuggestions } from '../../../common/schemas/inbox.js';
import { type App, decodeCursor, encodeCursor, inOrg } from '../../platform/http/route-kit.js';
import { upload } from '../documents/documents.routes.js';
import * as address from './inbox.address.js';
import * as inbox from './inbox.service.js';
import { suggestions } from './inbox.suggestions.js';

const cursor = z.tuple([z.string().max(64), z.uuid()]);

export function inboxRoutes(app: App) {
  const tags = ['inbox'];
  app.get('/inbox', { schema: { tags, querystring: pageQuery, response: { 200: inboxList } } }, async (req) => {
    const after = decodeCursor(req.query.cursor, cursor);
    const result = await inOrg(req, (ctx) => inbox.list(ctx, req.query.limit, after));
    return { items: result.items, nextCursor: result.next && encodeCursor(result.next) };
  });

  app.post(
    '/inbox',
    {
      schema: {
        tags,
        description: 'multipart/form-data with one part named `file`, checked as any upload; it waits in the inbox.',
        response: { 201: document },
      },
    },
    async (req, reply) => reply.code(201).send(await upload(req, { place: { inbox: true } })),
  );

  app.post(
    '/inbox/:id/convert',
    { schema: { tags, params: idParams, body: contractInput, response: { 201: inboxConvertOutput } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => inbox.convert(ctx, req.params.id, req.body))),
  );

  app.post(
    '/inbox/:id/attach',
    { schema: { tags, params: idParams, body: inboxAttachInput, response: { 200: document } } },
    (req) => inOrg(req, (ctx) => inbox.attach(ctx, req.params.id, req.body.contractId)),
  );

  app.get(
    '/inbox/:id/suggestions',
    { schema: { tags, params: idParams, response: { 200: inboxSuggestions } } },
    (req) => inOrg(req, (ctx) => suggestions(ctx, req.params.id)),
  );

  app.get('/settings/inbox-address', { schema: { tags, response: { 200: inboxAddress } } }, (req) =>
    inOrg(req, (ctx) => address.get(ctx)),
  );

  app.post('/settings/inbox-address/regenerate', { schema: { tags, response: { 200: inboxAddress } } }, (req) =>
    inOrg(req, (ctx) => address.regenerate(ctx)),
  );
}

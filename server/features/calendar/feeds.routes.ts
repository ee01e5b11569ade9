import { z } from 'zod';
import { idParams } from '../../../common/schemas/common.js';
import { calendarFeed, calendarFeedInput } from '../../../common/schemas/reminders.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as feeds from './feeds.service.js';

export function calendarFeedsRoutes(app: App) {
  const tags = ['calendar'];
  app.get(
    '/calendar/feeds',
    { schema: { tags, response: { 200: z.object({ items: z.array(calendarFeed) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => feeds.list(ctx)) }),
  );

  app.post(
    '/calendar/feeds',
    { schema: { tags, body: calendarFeedInput, response: { 201: calendarFeed } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => feeds.create(ctx, req.body))),
  );

  app.delete('/calendar/feeds/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => feeds.revoke(ctx, req.params.id));
    return reply.code(204).send();
  });
}

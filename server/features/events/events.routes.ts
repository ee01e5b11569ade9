import { z } from 'zod';
import { idParams } from '../../../common/schemas/common.js';
import {
  calendarEvent,
  customEventInput,
  customEventPatch,
  eventListQuery,
} from '../../../common/schemas/reminders.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as events from './events.service.js';

const items = z.object({ items: z.array(calendarEvent) });

export function eventsRoutes(app: App) {
  const tags = ['events'];
  app.get('/events', { schema: { tags, querystring: eventListQuery, response: { 200: items } } }, async (req) => ({
    items: await inOrg(req, (ctx) => events.list(ctx, req.query)),
  }));

  app.get('/contracts/:id/events', { schema: { tags, params: idParams, response: { 200: items } } }, async (req) => ({
    items: await inOrg(req, (ctx) => events.listOfContract(ctx, req.params.id)),
  }));

  app.post(
    '/contracts/:id/events',
    { schema: { tags, params: idParams, body: customEventInput, response: { 201: calendarEvent } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => events.create(ctx, req.params.id, req.body))),
  );

  app.get('/events/:id', { schema: { tags, params: idParams, response: { 200: calendarEvent } } }, (req) =>
    inOrg(req, (ctx) => events.get(ctx, req.params.id)),
  );

  app.patch(
    '/events/:id',
    {
      config: { current: currentById(events.get) },
      schema: { tags, params: idParams, body: customEventPatch, response: { 200: calendarEvent } },
    },
    (req) => inOrg(req, (ctx) => events.update(ctx, req.params.id, req.body)),
  );

  app.delete('/events/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => events.remove(ctx, req.params.id));
    return reply.code(204).send();
  });
}

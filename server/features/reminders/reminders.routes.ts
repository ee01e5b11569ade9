import { z } from 'zod';
import { idParams } from '../../../common/schemas/common.js';
import { delivery, myReminder, reminder, reminderInput, reminderPatch } from '../../../common/schemas/reminders.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as reminders from './reminders.service.js';

const items = z.object({ items: z.array(reminder) });

export function remindersRoutes(app: App) {
  const tags = ['reminders'];
  app.get(
    '/reminders/mine',
    { schema: { tags, response: { 200: z.object({ items: z.array(myReminder) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => reminders.mine(ctx)) }),
  );

  app.get('/events/:id/reminders', { schema: { tags, params: idParams, response: { 200: items } } }, async (req) => ({
    items: await inOrg(req, (ctx) => reminders.listOfEvent(ctx, req.params.id)),
  }));

  app.post(
    '/events/:id/reminders',
    { schema: { tags, params: idParams, body: reminderInput, response: { 201: reminder } } },
    async (req, reply) =>
      reply.code(201).send(await inOrg(req, (ctx) => reminders.create(ctx, req.params.id, req.body))),
  );

  app.get(
    '/contracts/:id/reminders',
    { schema: { tags, params: idParams, response: { 200: items } } },
    async (req) => ({ items: await inOrg(req, (ctx) => reminders.listOfContract(ctx, req.params.id)) }),
  );

  app.get('/reminders/:id', { schema: { tags, params: idParams, response: { 200: reminder } } }, (req) =>
    inOrg(req, (ctx) => reminders.get(ctx, req.params.id)),
  );

  app.patch(
    '/reminders/:id',
    {
      config: { current: currentById(reminders.get) },
      schema: { tags, params: idParams, body: reminderPatch, response: { 200: reminder } },
    },
    (req) => inOrg(req, (ctx) => reminders.update(ctx, req.params.id, req.body)),
  );

  app.delete('/reminders/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => reminders.remove(ctx, req.params.id));
    return reply.code(204).send();
  });

  app.get(
    '/reminders/:id/deliveries',
    { schema: { tags, params: idParams, response: { 200: z.object({ items: z.array(delivery) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => reminders.deliveries(ctx, req.params.id)) }),
  );
}

import { z } from 'zod';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { devOutbox } from './outbox.service.js';

export const VERSION = '0.1.0';

const outboxItem = z.object({
  id: z.string(),
  to: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  sentAt: z.string(),
});

export function metaRoutes(app: App) {
  app.get(
    '/meta',
    {
      config: { public: true },
      schema: { tags: ['meta'], response: { 200: z.object({ version: z.string(), devOutbox: z.boolean() }) } },
    },
    (req) => ({ version: VERSION, devOutbox: req.server.deps.mailer.hasOutbox }),
  );

  // Development without SMTP: lets an administrator follow the account's invitation and reminder links.
  app.get(
    '/dev/outbox',
    { schema: { tags: ['meta'], response: { 200: z.object({ items: z.array(outboxItem) }) } } },
    (req) => inOrg(req, devOutbox),
  );
}

import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import type { App } from '../../platform/http/route-kit.js';

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
    (req) => ({ version: VERSION, devOutbox: req.server.deps.mailer.outbox() !== null }),
  );

  // Development without SMTP: lets a newcomer follow invitation and reset links.
  app.get(
    '/dev/outbox',
    {
      config: { public: true },
      schema: { tags: ['meta'], response: { 200: z.object({ items: z.array(outboxItem) }) } },
    },
    (req) => {
      const entries = req.server.deps.mailer.outbox();
      if (!entries) throw AppError.notFound('Outbox');
      return {
        items: entries.map((m) => ({ id: m.id, to: [m.to], subject: m.subject, text: m.text, sentAt: m.sentAt })),
      };
    },
  );
}

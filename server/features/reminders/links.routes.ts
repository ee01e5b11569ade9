import { z } from 'zod';
import { reminderLinkInfo } from '../../../common/schemas/reminders.js';
import { type App, publicCtx } from '../../platform/http/route-kit.js';
import * as links from './links.service.js';

// A bad token must answer 404 like an altered one, so the schema only bounds the length.
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const limited = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

/** The acknowledge and dismiss links in reminder mails; the signed token is the credential. */
export function reminderLinksRoutes(app: App) {
  const tags = ['reminder links'];
  app.get(
    '/reminder-links/:token',
    { config: limited(30), schema: { tags, params: tokenParams, response: { 200: reminderLinkInfo } } },
    (req) => links.describe(publicCtx(req), req.params.token),
  );

  app.post(
    '/reminder-links/:token',
    { config: limited(10), schema: { tags, params: tokenParams, response: { 200: reminderLinkInfo } } },
    (req) => links.perform(publicCtx(req), req.params.token),
  );
}

import { z } from 'zod';
import { declineInput, signInput, signingDone, signingPage } from '../../../common/schemas/signing-page.js';
import { type App, publicCtx } from '../../platform/http/route-kit.js';
import * as page from './public.service.js';
import * as signing from './sign.service.js';

// A bad token must answer 404 like an altered one, so the schema only bounds the length.
const tokenParams = z.object({ token: z.string().min(1).max(200) });
const limited = (max: number) => ({ public: true, rateLimit: { max, timeWindow: '1 minute' } });

/** The recipient's signing page (docs/design/signing-and-approvals.md §4): the signed link is the credential. */
export function signingPageRoutes(app: App) {
  const tags = ['signing'];
  app.get(
    '/signing/:token',
    { config: limited(30), schema: { tags, params: tokenParams, response: { 200: signingPage } } },
    (req) => page.describe(publicCtx(req), req.params.token),
  );

  app.post(
    '/signing/:token/viewed',
    { config: limited(30), schema: { tags, params: tokenParams, response: { 200: signingDone } } },
    (req) => page.viewed(publicCtx(req), req.params.token),
  );

  app.get(
    '/signing/:token/pdf',
    { config: limited(20), schema: { tags, params: tokenParams, description: 'The document as sent (PDF).' } },
    async (req, reply) => {
      const bytes = await page.sourcePdf(publicCtx(req), req.params.token);
      return reply.header('content-type', 'application/pdf').header('cache-control', 'no-store').send(bytes);
    },
  );

  app.post(
    '/signing/:token/sign',
    {
      config: limited(10),
      bodyLimit: 400 * 1024,
      schema: { tags, params: tokenParams, body: signInput, response: { 200: signingDone } },
    },
    (req) => signing.sign(publicCtx(req), req.params.token, req.body),
  );

  app.post(
    '/signing/:token/decline',
    { config: limited(10), schema: { tags, params: tokenParams, body: declineInput, response: { 200: signingDone } } },
    (req) => signing.decline(publicCtx(req), req.params.token, req.body.reason),
  );
}

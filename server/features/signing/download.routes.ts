import { z } from 'zod';
import { type App, publicCtx } from '../../platform/http/route-kit.js';
import { contentDisposition } from '../documents/documents.content.js';
import { signedDocument } from './download-link.service.js';

// A bad token answers 404 like an altered one, so the schema only bounds the length.
const tokenParams = z.object({ token: z.string().min(1).max(200) });

/** The completion mail's link: a recipient downloads the sealed PDF for 30 days, without an account. */
export function downloadLinkRoutes(app: App) {
  app.get(
    '/signing/:token/document',
    {
      config: { public: true, rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['signing'],
        params: tokenParams,
        description:
          'The sealed PDF of a completed envelope, for the recipient whose download link (from the completion mail) this is; valid 30 days after completion.',
      },
    },
    async (req, reply) => {
      const file = await signedDocument(publicCtx(req), req.params.token);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', contentDisposition('attachment', file.name))
        .header('cache-control', 'no-store')
        .send(file.bytes);
    },
  );
}

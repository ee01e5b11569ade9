import { idParams } from '../../../common/schemas/common.js';
import { envelopeEvents } from '../../../common/schemas/signing-events.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as events from './events.service.js';

export function envelopeEventsRoutes(app: App) {
  app.get(
    '/envelopes/:id/events',
    {
      schema: {
        tags: ['envelopes'],
        params: idParams,
        response: { 200: envelopeEvents },
        description: 'The evidence timeline: each event with its time, recipient, IP address and browser.',
      },
    },
    async (req) => ({ items: await inOrg(req, (ctx) => events.list(ctx, req.params.id)) }),
  );
}

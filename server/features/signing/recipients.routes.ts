import { envelope, recipientParams, recipientPatch } from '../../../common/schemas/signing.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as recipients from './recipients.service.js';

/** The sender's hand on one recipient of an envelope out for signing (design §4, "Sender side"). */
export function envelopeRecipientsRoutes(app: App) {
  const tags = ['envelopes'];

  app.post(
    '/envelopes/:id/recipients/:rid/resend',
    {
      schema: {
        tags,
        params: recipientParams,
        response: { 200: envelope },
        description:
          'Mails the recipient their request again, with the same link; not more often than every 10 minutes (409 `resend_too_soon`).',
      },
    },
    (req) => inOrg(req, (ctx) => recipients.resend(ctx, req.params.id, req.params.rid)),
  );

  app.patch(
    '/envelopes/:id/recipients/:rid',
    {
      schema: {
        tags,
        params: recipientParams,
        body: recipientPatch,
        response: { 200: envelope },
        description:
          'A recipient who has not signed gets a new name or address; a new address gets a new link (the old one stops working) and, when it is their turn, a request mail.',
      },
    },
    (req) => inOrg(req, (ctx) => recipients.change(ctx, req.params.id, req.params.rid, req.body)),
  );
}

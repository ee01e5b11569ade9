import {
  accountAccess,
  cancelInput,
  deletionRequestInput,
  subscription,
} from '../../../common/schemas/subscriptions.js';
import { type App, inOrg, publicCtx } from '../../platform/http/route-kit.js';
import { cancelDeletion, requestDeletion } from './deletion-request.js';
import { receiveStripeEvent } from './stripe.webhook.js';
import * as subscriptions from './subscriptions.service.js';

export function subscriptionsRoutes(app: App) {
  const tags = ['subscription'];
  app.get('/subscription', { schema: { tags, response: { 200: subscription } } }, (req) =>
    inOrg(req, subscriptions.get),
  );
  app.get('/subscription/access', { schema: { tags, response: { 200: accountAccess } } }, (req) =>
    inOrg(req, subscriptions.access),
  );
  app.post('/subscription/cancel', { schema: { tags, body: cancelInput, response: { 200: subscription } } }, (req) =>
    inOrg(req, subscriptions.cancel),
  );
  app.post(
    '/subscription/reactivate',
    { config: { whileReadOnly: true }, schema: { tags, response: { 200: subscription } } },
    (req) => inOrg(req, subscriptions.reactivate),
  );
  // A read-only (cancelled) account may still ask for its deletion, or take the request back.
  app.post(
    '/subscription/deletion-request',
    { config: { whileReadOnly: true }, schema: { tags, body: deletionRequestInput, response: { 200: subscription } } },
    (req) =>
      inOrg(req, async (ctx) => {
        await requestDeletion(ctx, req.body);
        return subscriptions.get(ctx);
      }),
  );
  app.delete(
    '/subscription/deletion-request',
    { config: { whileReadOnly: true }, schema: { tags, response: { 200: subscription } } },
    (req) =>
      inOrg(req, async (ctx) => {
        await cancelDeletion(ctx);
        return subscriptions.get(ctx);
      }),
  );
  // Stripe signs the bytes it sends: this route alone keeps the body raw, for the signature check.
  app.register(async (raw) => {
    raw.removeAllContentTypeParsers();
    raw.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 256 * 1024 }, (_req, body, done) => done(null, body));
    raw.post(
      '/billing/stripe/webhook',
      { config: { public: true, rateLimit: { max: 300, timeWindow: '1 minute' } }, schema: { tags } },
      async (req, reply) => {
        const signature = req.headers['stripe-signature'];
        const outcome = await receiveStripeEvent(
          publicCtx(req),
          req.body,
          typeof signature === 'string' ? signature : undefined,
        );
        return reply.code(200).send({ received: true, outcome });
      },
    );
  });
}

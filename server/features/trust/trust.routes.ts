import { trustOrgOutput, trustOutput } from '../../../common/schemas/trust.js';
import { type App, inOrg, publicCtx } from '../../platform/http/route-kit.js';
import { trustOrg, trustPage } from './trust.service.js';

/** The trust page: public facts and evidence for anyone, the own account's for its administrators. */
export function trustRoutes(app: App) {
  const tags = ['trust'];
  app.get(
    '/trust',
    {
      config: { public: true, rateLimit: { max: 60, timeWindow: '1 minute' } },
      schema: { tags, response: { 200: trustOutput } },
    },
    (req) => trustPage(publicCtx(req)),
  );

  app.get('/trust/organization', { schema: { tags, response: { 200: trustOrgOutput } } }, (req) =>
    inOrg(req, trustOrg),
  );
}

import { dashboard } from '../../../common/schemas/dashboard.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as service from './dashboard.service.js';

export function dashboardRoutes(app: App) {
  app.get('/dashboard', { schema: { tags: ['dashboard'], response: { 200: dashboard } } }, (req) =>
    inOrg(req, (ctx) => service.get(ctx)),
  );
}

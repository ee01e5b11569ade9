import { contractAccessOutput } from '../../../common/schemas/access.js';
import { idParams } from '../../../common/schemas/common.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { whoCanAccess } from './contract-access.service.js';

export function accessRoutes(app: App) {
  app.get(
    '/contracts/:id/access',
    { schema: { tags: ['contracts'], params: idParams, response: { 200: contractAccessOutput } } },
    (req) => inOrg(req, (ctx) => whoCanAccess(ctx, req.params.id)),
  );
}

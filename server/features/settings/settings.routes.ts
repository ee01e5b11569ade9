import { repositorySettings, repositorySettingsPatch } from '../../../common/schemas/classification.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as settings from './settings.service.js';

export function settingsRoutes(app: App) {
  const tags = ['settings'];
  app.get('/settings/repository', { schema: { tags, response: { 200: repositorySettings } } }, (req) =>
    inOrg(req, (ctx) => settings.get(ctx)),
  );

  app.patch(
    '/settings/repository',
    {
      config: { current: (ctx) => settings.get(ctx) },
      schema: { tags, body: repositorySettingsPatch, response: { 200: repositorySettings } },
    },
    (req) => inOrg(req, (ctx) => settings.update(ctx, req.body)),
  );
}

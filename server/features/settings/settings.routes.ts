import { repositorySettings, repositorySettingsPatch } from '../../../common/schemas/classification.js';
import { companyDetails, companySettings } from '../../../common/schemas/notice-letters.js';
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

  app.get('/settings/company', { schema: { tags, response: { 200: companySettings } } }, (req) =>
    inOrg(req, (ctx) => settings.getCompany(ctx)),
  );

  app.put('/settings/company', { schema: { tags, body: companyDetails, response: { 200: companySettings } } }, (req) =>
    inOrg(req, (ctx) => settings.updateCompany(ctx, req.body)),
  );
}

import { z } from 'zod';
import {
  mailPreview,
  mailTemplate,
  mailTemplateInput,
  mailTemplateParams,
  mailTemplatePreviewInput,
} from '../../../../common/schemas/reminders.js';
import { type App, inOrg } from '../../../platform/http/route-kit.js';
import * as templates from './templates.service.js';

export function mailTemplatesRoutes(app: App) {
  const tags = ['mail templates'];
  app.get(
    '/settings/mail-templates',
    { schema: { tags, response: { 200: z.object({ items: z.array(mailTemplate) }) } } },
    async (req) => ({ items: await inOrg(req, templates.list) }),
  );

  app.put(
    '/settings/mail-templates/:kind/:locale',
    { schema: { tags, params: mailTemplateParams, body: mailTemplateInput, response: { 200: mailTemplate } } },
    (req) => inOrg(req, (ctx) => templates.save(ctx, req.params.kind, req.params.locale, req.body)),
  );

  app.delete(
    '/settings/mail-templates/:kind/:locale',
    { schema: { tags, params: mailTemplateParams, response: { 200: mailTemplate } } },
    (req) => inOrg(req, (ctx) => templates.reset(ctx, req.params.kind, req.params.locale)),
  );

  app.post(
    '/settings/mail-templates/preview',
    { schema: { tags, body: mailTemplatePreviewInput, response: { 200: mailPreview } } },
    (req) => inOrg(req, async (ctx) => templates.preview(ctx, req.body)),
  );
}

import { z } from 'zod';
import { approvalTemplate, approvalTemplateInput, approvalTemplatePatch } from '../../../common/schemas/approvals.js';
import { idParams } from '../../../common/schemas/common.js';
import { currentById } from '../../platform/http/etag.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import * as templates from './templates.service.js';

export function approvalTemplatesRoutes(app: App) {
  const tags = ['approval templates'];
  app.get(
    '/approval-templates',
    { schema: { tags, response: { 200: z.object({ items: z.array(approvalTemplate) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => templates.list(ctx)) }),
  );

  app.get(
    '/approval-templates/:id',
    { schema: { tags, params: idParams, response: { 200: approvalTemplate } } },
    (req) => inOrg(req, (ctx) => templates.get(ctx, req.params.id)),
  );

  app.post(
    '/approval-templates',
    { schema: { tags, body: approvalTemplateInput, response: { 201: approvalTemplate } } },
    async (req, reply) => reply.code(201).send(await inOrg(req, (ctx) => templates.create(ctx, req.body))),
  );

  app.patch(
    '/approval-templates/:id',
    {
      config: { current: currentById(templates.get) },
      schema: { tags, params: idParams, body: approvalTemplatePatch, response: { 200: approvalTemplate } },
    },
    (req) => inOrg(req, (ctx) => templates.update(ctx, req.params.id, req.body)),
  );

  app.delete('/approval-templates/:id', { schema: { tags, params: idParams } }, async (req, reply) => {
    await inOrg(req, (ctx) => templates.archive(ctx, req.params.id));
    return reply.code(204).send();
  });
}

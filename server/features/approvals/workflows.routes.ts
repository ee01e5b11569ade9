import { z } from 'zod';
import {
  approvalCommentInput,
  approvalCommentView,
  approvalDecisionInput,
  approvalSlotParams,
  approvalTask,
  contractApprovalView,
  startApprovalInput,
} from '../../../common/schemas/approvals.js';
import { idParams } from '../../../common/schemas/common.js';
import { type App, inOrg } from '../../platform/http/route-kit.js';
import { myTasks } from './approvals.tasks.js';
import { decide } from './decisions.service.js';
import * as workflows from './workflows.service.js';

export function approvalsRoutes(app: App) {
  const tags = ['approvals'];
  app.get(
    '/contracts/:id/approval',
    { schema: { tags, params: idParams, response: { 200: contractApprovalView } } },
    (req) => inOrg(req, (ctx) => workflows.view(ctx, req.params.id)),
  );

  app.post(
    '/contracts/:id/approval',
    { schema: { tags, params: idParams, body: startApprovalInput, response: { 201: contractApprovalView } } },
    async (req, reply) =>
      reply.code(201).send(await inOrg(req, (ctx) => workflows.start(ctx, req.params.id, req.body))),
  );

  app.post(
    '/approvals/:id/cancel',
    { schema: { tags, params: idParams, response: { 200: contractApprovalView } } },
    (req) => inOrg(req, (ctx) => workflows.cancel(ctx, req.params.id)),
  );

  app.post(
    '/approvals/:id/resubmit',
    { schema: { tags, params: idParams, response: { 200: contractApprovalView } } },
    (req) => inOrg(req, (ctx) => workflows.resubmit(ctx, req.params.id)),
  );

  app.post(
    '/approvals/:id/slots/:slotId/decision',
    {
      schema: {
        tags,
        params: approvalSlotParams,
        body: approvalDecisionInput,
        response: { 200: contractApprovalView },
      },
    },
    (req) => inOrg(req, (ctx) => decide(ctx, req.params.id, req.params.slotId, req.body)),
  );

  app.post(
    '/approvals/:id/comments',
    { schema: { tags, params: idParams, body: approvalCommentInput, response: { 201: approvalCommentView } } },
    async (req, reply) =>
      reply.code(201).send(await inOrg(req, (ctx) => workflows.comment(ctx, req.params.id, req.body.body))),
  );

  app.get(
    '/approval-tasks',
    { schema: { tags, response: { 200: z.object({ items: z.array(approvalTask) }) } } },
    async (req) => ({ items: await inOrg(req, (ctx) => myTasks(ctx)) }),
  );
}

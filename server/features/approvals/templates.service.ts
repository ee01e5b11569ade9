import { randomUUID } from 'node:crypto';
import type {
  ApprovalStepInput,
  ApprovalTemplate,
  ApprovalTemplateInput,
  ApprovalTemplatePatch,
} from '../../../common/schemas/approvals.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { requireAdmin } from '../access/access.policy.js';
import { diff, record } from '../audit/audit.service.js';
import * as people from './approvals.people.repo.js';
import { asStepInputs, checkApprovers } from './approvals.rules.js';
import * as repo from './templates.repo.js';

export function presentTemplate({ template, steps, approvers }: repo.TemplateWithSteps): ApprovalTemplate {
  return {
    id: template.id,
    name: template.name,
    description: template.description,
    defaultCategoryId: template.defaultCategoryId,
    steps: steps.map((s) => ({
      name: s.name,
      rule: s.rule,
      dueDays: s.dueDays,
      approvers: approvers
        .filter((a) => a.position === s.position)
        .map(({ kind, userId, userName, businessUnitId, businessUnitName }) => ({
          kind,
          userId,
          userName,
          businessUnitId,
          businessUnitName,
        })),
    })),
    createdAt: template.createdAt.toISOString(),
    updatedAt: template.updatedAt.toISOString(),
    archivedAt: template.archivedAt?.toISOString() ?? null,
  };
}

/** A template's steps as a start request gives them (what a workflow copies). */
export function stepsOf({ steps, approvers }: repo.TemplateWithSteps): ApprovalStepInput[] {
  return asStepInputs(steps, approvers);
}

export async function getTemplate(ctx: Ctx, id: string): Promise<repo.TemplateWithSteps> {
  const found = await repo.find(ctx.tx, ctx.orgId, id);
  if (!found) throw AppError.notFound('Approval template');
  return found;
}

/** A category exists and has at most one active default template (`self` is the template being changed). */
async function checkCategory(ctx: Ctx, id: string | null | undefined, self: string | null) {
  if (!id) return;
  if (!(await people.contractCategoryExists(ctx.tx, ctx.orgId, id)))
    throw AppError.invalid('defaultCategoryId', 'unknown_category', 'is not a contract category of this account');
  const holder = await repo.findDefaultFor(ctx.tx, ctx.orgId, id);
  if (holder && holder.id !== self)
    throw AppError.invalid('defaultCategoryId', 'default_taken', 'is already the default of another template', {
      name: holder.name,
    });
}

/** What the log keeps of a template: its fields and how many steps it has. */
const logged = (t: { name: string; description: string | null; defaultCategoryId: string | null }, steps: number) => ({
  name: t.name,
  description: t.description,
  defaultCategoryId: t.defaultCategoryId,
  steps,
});

export async function list(ctx: Ctx): Promise<ApprovalTemplate[]> {
  return (await repo.list(ctx.tx, ctx.orgId)).map(presentTemplate);
}

export async function get(ctx: Ctx, id: string): Promise<ApprovalTemplate> {
  return presentTemplate(await getTemplate(ctx, id));
}

export async function create(ctx: Ctx, input: ApprovalTemplateInput): Promise<ApprovalTemplate> {
  requireAdmin(ctx);
  await checkCategory(ctx, input.defaultCategoryId, null);
  await checkApprovers(ctx, input.steps, null);
  const id = randomUUID();
  const { steps, ...fields } = input;
  await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id,
    ...fields,
    createdBy: ctx.actor.type === 'user' ? ctx.actor.id : null,
  });
  await repo.replaceSteps(ctx.tx, ctx.orgId, id, steps, randomUUID);
  await record(ctx, {
    action: 'approval_template.created',
    objectType: 'approval_template',
    objectId: id,
    changes: diff({}, logged(fields, steps.length)),
  });
  return get(ctx, id);
}

export async function update(ctx: Ctx, id: string, patch: ApprovalTemplatePatch): Promise<ApprovalTemplate> {
  const before = await getTemplate(ctx, id);
  requireAdmin(ctx);
  if (before.template.archivedAt) throw AppError.because('conflict', 'template_archived', 'This template is archived.');
  await checkCategory(ctx, patch.defaultCategoryId, id);
  if (patch.steps) await checkApprovers(ctx, patch.steps, null);
  const { steps, ...fields } = patch;
  await repo.update(ctx.tx, ctx.orgId, id, fields);
  if (steps) await repo.replaceSteps(ctx.tx, ctx.orgId, id, steps, randomUUID);
  const after = { ...before.template, ...fields };
  const changes = diff(
    logged(before.template, before.steps.length),
    logged(after, steps?.length ?? before.steps.length),
  );
  await record(ctx, {
    action: 'approval_template.updated',
    objectType: 'approval_template',
    objectId: id,
    changes: steps ? { ...changes, steps: { before: before.steps.length, after: steps.length } } : changes,
  });
  return get(ctx, id);
}

/** Archived templates are no longer offered; running approvals keep their own copy of the steps. */
export async function archive(ctx: Ctx, id: string): Promise<void> {
  const before = await getTemplate(ctx, id);
  requireAdmin(ctx);
  if (before.template.archivedAt) return;
  await repo.update(ctx.tx, ctx.orgId, id, { archivedAt: new Date() });
  await record(ctx, {
    action: 'approval_template.archived',
    objectType: 'approval_template',
    objectId: id,
    extra: { name: before.template.name },
  });
}

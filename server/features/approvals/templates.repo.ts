import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { ApprovalStepInput } from '../../../common/schemas/approvals.js';
import type { Tx } from '../../db/client.js';
import { approvalTemplateApprovers, approvalTemplateSteps, approvalTemplates } from '../../db/schema/index.js';
import { memberName } from '../users/users.repo.js';

export type TemplateRow = typeof approvalTemplates.$inferSelect;
export type TemplateInsert = typeof approvalTemplates.$inferInsert;

const approverColumns = {
  templateId: approvalTemplateApprovers.templateId,
  position: approvalTemplateApprovers.position,
  kind: approvalTemplateApprovers.kind,
  userId: approvalTemplateApprovers.userId,
  businessUnitId: approvalTemplateApprovers.businessUnitId,
  userName: memberName(sql`approval_template_approvers.org_id`, sql`approval_template_approvers.user_id`),
  businessUnitName: sql<string | null>`(select b.name from business_units b
    where b.org_id = approval_template_approvers.org_id and b.id = approval_template_approvers.business_unit_id)`,
};
export type TemplateApproverRow = {
  templateId: string;
  position: number;
  kind: 'user' | 'unit_editors';
  userId: string | null;
  businessUnitId: string | null;
  userName: string | null;
  businessUnitName: string | null;
};
export type TemplateStepRow = typeof approvalTemplateSteps.$inferSelect;

export interface TemplateWithSteps {
  template: TemplateRow;
  steps: TemplateStepRow[];
  approvers: TemplateApproverRow[];
}

/** Templates with their steps and approvers, in three queries whatever their number. */
async function withSteps(tx: Tx, orgId: string, rows: TemplateRow[]): Promise<TemplateWithSteps[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const steps = await tx
    .select()
    .from(approvalTemplateSteps)
    .where(and(eq(approvalTemplateSteps.orgId, orgId), inArray(approvalTemplateSteps.templateId, ids)))
    .orderBy(asc(approvalTemplateSteps.position));
  const approvers = (await tx
    .select(approverColumns)
    .from(approvalTemplateApprovers)
    .where(and(eq(approvalTemplateApprovers.orgId, orgId), inArray(approvalTemplateApprovers.templateId, ids)))
    .orderBy(asc(approvalTemplateApprovers.position), asc(approvalTemplateApprovers.id))) as TemplateApproverRow[];
  return rows.map((template) => ({
    template,
    steps: steps.filter((s) => s.templateId === template.id),
    approvers: approvers.filter((a) => a.templateId === template.id),
  }));
}

/** The org's templates that are not archived, by name; an org has a handful. */
export async function list(tx: Tx, orgId: string): Promise<TemplateWithSteps[]> {
  const rows = await tx
    .select()
    .from(approvalTemplates)
    .where(and(eq(approvalTemplates.orgId, orgId), isNull(approvalTemplates.archivedAt)))
    .orderBy(sql`lower(${approvalTemplates.name})`, asc(approvalTemplates.id));
  return withSteps(tx, orgId, rows);
}

export async function find(tx: Tx, orgId: string, id: string): Promise<TemplateWithSteps | null> {
  const rows = await tx
    .select()
    .from(approvalTemplates)
    .where(and(eq(approvalTemplates.orgId, orgId), eq(approvalTemplates.id, id)));
  return (await withSteps(tx, orgId, rows))[0] ?? null;
}

/** The active template that is the default for a category, if one is. */
export async function findDefaultFor(tx: Tx, orgId: string, categoryId: string): Promise<TemplateRow | null> {
  const rows = await tx
    .select()
    .from(approvalTemplates)
    .where(
      and(
        eq(approvalTemplates.orgId, orgId),
        eq(approvalTemplates.defaultCategoryId, categoryId),
        isNull(approvalTemplates.archivedAt),
      ),
    );
  return rows[0] ?? null;
}

export async function insert(tx: Tx, row: TemplateInsert): Promise<void> {
  await tx.insert(approvalTemplates).values(row);
}

export async function update(tx: Tx, orgId: string, id: string, patch: Partial<TemplateInsert>): Promise<void> {
  await tx
    .update(approvalTemplates)
    .set({ ...patch, updatedAt: new Date() })
    .where(and(eq(approvalTemplates.orgId, orgId), eq(approvalTemplates.id, id)));
}

/** Replaces a template's steps (their approvers go with them: the foreign key cascades). */
export async function replaceSteps(
  tx: Tx,
  orgId: string,
  templateId: string,
  steps: ApprovalStepInput[],
  ids: () => string,
) {
  await tx
    .delete(approvalTemplateSteps)
    .where(and(eq(approvalTemplateSteps.orgId, orgId), eq(approvalTemplateSteps.templateId, templateId)));
  await tx
    .insert(approvalTemplateSteps)
    .values(
      steps.map((s, i) => ({ orgId, templateId, position: i + 1, name: s.name, rule: s.rule, dueDays: s.dueDays })),
    );
  await tx.insert(approvalTemplateApprovers).values(
    steps.flatMap((s, i) =>
      s.approvers.map((a) => ({
        orgId,
        id: ids(),
        templateId,
        position: i + 1,
        kind: a.kind,
        userId: a.kind === 'user' ? a.userId : null,
        businessUnitId: a.kind === 'unit_editors' ? a.businessUnitId : null,
      })),
    ),
  );
}

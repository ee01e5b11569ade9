import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPROVAL_DECISIONS,
  APPROVAL_RULES,
  APPROVAL_SLOT_STATUSES,
  APPROVAL_STEP_STATUSES,
  APPROVAL_WORKFLOW_STATUSES,
  APPROVER_KINDS,
} from '../../../common/schemas/approvals.js';
import { ts } from './columns.js';
import { contracts } from './contracts.js';
import { businessUnits, orgs } from './orgs.js';

const orgId = () =>
  uuid('org_id')
    .notNull()
    .references(() => orgs.id, { onDelete: 'cascade' });

/** An administrator's reusable approval: steps in order, each with approvers and a rule. */
export const approvalTemplates = pgTable(
  'approval_templates',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    name: text('name').notNull(),
    description: text('description'),
    /** Offered first when an approval starts on a contract of this category. */
    defaultCategoryId: uuid('default_category_id'),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
    archivedAt: ts('archived_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('approval_templates_id_key').on(t.id),
    uniqueIndex('approval_templates_default_key')
      .on(t.orgId, t.defaultCategoryId)
      .where(sql`${t.defaultCategoryId} is not null and ${t.archivedAt} is null`),
  ],
);

export const approvalTemplateSteps = pgTable(
  'approval_template_steps',
  {
    orgId: orgId(),
    templateId: uuid('template_id').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    rule: text('rule', { enum: APPROVAL_RULES }).notNull(),
    dueDays: smallint('due_days'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.templateId, t.position] }),
    foreignKey({
      columns: [t.orgId, t.templateId],
      foreignColumns: [approvalTemplates.orgId, approvalTemplates.id],
    }).onDelete('cascade'),
  ],
);

export const approvalTemplateApprovers = pgTable(
  'approval_template_approvers',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    templateId: uuid('template_id').notNull(),
    position: smallint('position').notNull(),
    kind: text('kind', { enum: APPROVER_KINDS }).notNull(),
    userId: uuid('user_id'),
    businessUnitId: uuid('business_unit_id'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('approval_template_approvers_step_idx').on(t.orgId, t.templateId, t.position),
    foreignKey({
      columns: [t.orgId, t.templateId, t.position],
      foreignColumns: [approvalTemplateSteps.orgId, approvalTemplateSteps.templateId, approvalTemplateSteps.position],
    }).onDelete('cascade'),
    foreignKey({
      columns: [t.orgId, t.businessUnitId],
      foreignColumns: [businessUnits.orgId, businessUnits.id],
    }).onDelete('cascade'),
    check(
      'approval_template_approvers_kind_check',
      sql`(${t.kind} = 'user' and ${t.userId} is not null and ${t.businessUnitId} is null) or (${t.kind} = 'unit_editors' and ${t.businessUnitId} is not null and ${t.userId} is null)`,
    ),
  ],
);

/** One round of approval on a contract; a reset or a resubmission starts the next round as a new row. */
export const approvalWorkflows = pgTable(
  'approval_workflows',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    contractId: uuid('contract_id').notNull(),
    templateId: uuid('template_id'),
    round: integer('round').notNull().default(1),
    status: text('status', { enum: APPROVAL_WORKFLOW_STATUSES }).notNull(),
    /** The contract's current workflow: what the grid and the contract page show. */
    isCurrent: boolean('is_current').notNull().default(true),
    requestedBy: uuid('requested_by'),
    requestedAt: ts('requested_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    endedReason: text('ended_reason'),
    /** SHA-256 of the contract's key fields when the round started. */
    keyHash: text('key_hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('approval_workflows_id_key').on(t.id),
    uniqueIndex('approval_workflows_current_key').on(t.orgId, t.contractId).where(sql`${t.isCurrent}`),
    index('approval_workflows_contract_idx').on(t.orgId, t.contractId, t.requestedAt),
    foreignKey({ columns: [t.orgId, t.contractId], foreignColumns: [contracts.orgId, contracts.id] }).onDelete(
      'cascade',
    ),
  ],
);

export const approvalSteps = pgTable(
  'approval_steps',
  {
    orgId: orgId(),
    workflowId: uuid('workflow_id').notNull(),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    rule: text('rule', { enum: APPROVAL_RULES }).notNull(),
    dueDays: smallint('due_days'),
    /** Set when the step becomes active: the day in the org's time zone it is due by. */
    dueOn: date('due_on', { mode: 'string' }),
    status: text('status', { enum: APPROVAL_STEP_STATUSES }).notNull(),
    activatedAt: ts('activated_at'),
    finishedAt: ts('finished_at'),
    /** The last day an overdue mail went out for it (one a day). */
    overdueMailedOn: date('overdue_mailed_on', { mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.workflowId, t.position] }),
    foreignKey({
      columns: [t.orgId, t.workflowId],
      foreignColumns: [approvalWorkflows.orgId, approvalWorkflows.id],
    }).onDelete('cascade'),
    index('approval_steps_due_idx').on(t.orgId, t.dueOn).where(sql`${t.status} = 'active'`),
  ],
);

/** One approver of a step: a person, or "an Editor of unit X" whom any current Editor may answer. */
export const approvalSlots = pgTable(
  'approval_slots',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    workflowId: uuid('workflow_id').notNull(),
    position: smallint('position').notNull(),
    kind: text('kind', { enum: APPROVER_KINDS }).notNull(),
    userId: uuid('user_id'),
    businessUnitId: uuid('business_unit_id'),
    status: text('status', { enum: APPROVAL_SLOT_STATUSES }).notNull(),
    decidedBy: uuid('decided_by'),
    decidedAt: ts('decided_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('approval_slots_id_key').on(t.id),
    foreignKey({
      columns: [t.orgId, t.workflowId, t.position],
      foreignColumns: [approvalSteps.orgId, approvalSteps.workflowId, approvalSteps.position],
    }).onDelete('cascade'),
    index('approval_slots_user_idx').on(t.orgId, t.userId).where(sql`${t.status} = 'open'`),
    index('approval_slots_unit_idx').on(t.orgId, t.businessUnitId).where(sql`${t.status} = 'open'`),
  ],
);

/** Evidence, append-only: who decided what, when, and why. */
export const approvalDecisions = pgTable(
  'approval_decisions',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    workflowId: uuid('workflow_id').notNull(),
    slotId: uuid('slot_id').notNull(),
    userId: uuid('user_id').notNull(),
    decision: text('decision', { enum: APPROVAL_DECISIONS }).notNull(),
    comment: text('comment'),
    decidedAt: ts('decided_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('approval_decisions_workflow_idx').on(t.orgId, t.workflowId),
    foreignKey({
      columns: [t.orgId, t.workflowId],
      foreignColumns: [approvalWorkflows.orgId, approvalWorkflows.id],
    }).onDelete('cascade'),
  ],
);

export const approvalComments = pgTable(
  'approval_comments',
  {
    orgId: orgId(),
    id: uuid('id').notNull(),
    workflowId: uuid('workflow_id').notNull(),
    contractId: uuid('contract_id').notNull(),
    authorId: uuid('author_id'),
    body: text('body').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('approval_comments_workflow_idx').on(t.orgId, t.workflowId, t.createdAt),
    foreignKey({
      columns: [t.orgId, t.workflowId],
      foreignColumns: [approvalWorkflows.orgId, approvalWorkflows.id],
    }).onDelete('cascade'),
  ],
);

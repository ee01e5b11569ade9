import { z } from 'zod';
import { computedSchema } from '../terms/computed.js';
import { calendarDate, lifecycleSchema } from '../terms/lifecycle.js';
import { CONTRACT_APPROVAL_STATES } from './approvals.js';
import { isoDateTime, pageQuery } from './common.js';
import { defaultReminder } from './reminders.js';

export const CONTRACT_STATUSES = ['draft', 'in_negotiation', 'active', 'terminated', 'archived'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** A bound on a money value: signed, at most 18 digits before the point and 2 after. */
export const SIGNED_MONEY = /^-?\d{1,18}(\.\d{1,2})?$/;
const title = z.string().trim().min(1).max(300);
const tags = z.array(z.string().trim().min(1).max(60)).max(50);
/** Custom field values by field key; checked against the org's definitions on the server. */
const custom = z.record(z.string().max(40), z.unknown());

export const contractInput = z
  .object({
    title,
    status: z.enum(CONTRACT_STATUSES).default('draft'),
    contractNumber: z.string().trim().min(1).max(80).nullable().default(null),
    /** Omitted: the org's default business unit. */
    businessUnitId: z.uuid().optional(),
    partnerId: z.uuid().nullable().default(null),
    /** Omitted: the person creating it (none for an API key); null: no owner. */
    ownerId: z.uuid().nullable().optional(),
    backupOwnerId: z.uuid().nullable().default(null),
    masterId: z.uuid().nullable().default(null),
    categoryId: z.uuid().nullable().default(null),
    orgUnitId: z.uuid().nullable().default(null),
    description: z.string().max(20_000).nullable().default(null),
    tags: tags.default([]),
    custom: custom.default({}),
    lifecycle: lifecycleSchema,
    /** Reminders on the new contract's system events; omitted: the account's defaults, [] for none. */
    reminders: z.array(defaultReminder).max(10).optional(),
  })
  .meta({
    example: {
      title: 'Office lease Berlin',
      status: 'active',
      tags: ['facilities'],
      lifecycle: {
        type: 'auto_renewal',
        startDate: '2026-01-01',
        initialTerm: 'P2Y',
        renewalTerm: 'P1Y',
        noticePeriod: 'P3M',
      },
    },
  });

export const contractPatch = z
  .object({
    title,
    status: z.enum(CONTRACT_STATUSES),
    contractNumber: z.string().trim().min(1).max(80).nullable(),
    businessUnitId: z.uuid(),
    partnerId: z.uuid().nullable(),
    ownerId: z.uuid().nullable(),
    backupOwnerId: z.uuid().nullable(),
    masterId: z.uuid().nullable(),
    categoryId: z.uuid().nullable(),
    orgUnitId: z.uuid().nullable(),
    description: z.string().max(20_000).nullable(),
    tags,
    /** Merged into the stored values; a key set to null is removed. */
    custom,
    lifecycle: lifecycleSchema,
  })
  .partial();

export const noticeInput = z.object({
  /** Today or earlier, in the account's time zone. */
  givenOn: calendarDate,
  /** Required when the notice misses the running term's deadline, so the contract ends terms later. */
  confirmLaterEnd: z.boolean().optional(),
});
export const asOfQuery = z.object({ asOf: calendarDate.optional() });

export const contractOutput = z.object({
  id: z.uuid(),
  title: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  contractNumber: z.string().nullable(),
  businessUnitId: z.uuid(),
  partnerId: z.uuid().nullable(),
  ownerId: z.uuid().nullable(),
  backupOwnerId: z.uuid().nullable(),
  masterId: z.uuid().nullable(),
  categoryId: z.uuid().nullable(),
  orgUnitId: z.uuid().nullable(),
  description: z.string().nullable(),
  tags: z.array(z.string()),
  custom: z.record(z.string(), z.unknown()),
  lifecycle: z.record(z.string(), z.unknown()),
  computed: computedSchema,
  asOf: z.iso.date(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Billing values in the company currency (docs/api.md, "Billing values"), as last stored. */
  billing: z.object({
    annualCost: z.string(),
    annualRevenue: z.string(),
    /** Revenue − cost. */
    annualValue: z.string(),
    /** Null when open-ended (then totalOpenEnded). */
    totalCost: z.string().nullable(),
    totalRevenue: z.string().nullable(),
    totalValue: z.string().nullable(),
    totalOpenEnded: z.boolean(),
  }),
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type ContractOutput = z.infer<typeof contractOutput>;

/** Display names of what a list row refers to, so a page of the grid is one request. */
export const contractNames = z.object({
  partner: z.string().nullable(),
  owner: z.string().nullable(),
  backupOwner: z.string().nullable(),
  businessUnit: z.string().nullable(),
  category: z.string().nullable(),
  orgUnit: z.string().nullable(),
});
export const contractListItem = contractOutput.extend({ names: contractNames });
export type ContractListItem = z.infer<typeof contractListItem>;

/**
 * Sort keys of the contract list — one per grid column; `cf.<key>` sorts by a custom field.
 * Nulls sort last either way; names (partner, owner, …) sort case-insensitively; status sorts
 * in workflow order (draft → archived), phase in time order (upcoming → ended).
 */
export const CONTRACT_SORTS = [
  'noticeDeadline',
  'endsOn',
  'currentTermEnd',
  'earliestEndDate',
  'title',
  'contractNumber',
  'status',
  'phase',
  'partner',
  'owner',
  'backupOwner',
  'businessUnit',
  'category',
  'orgUnit',
  'tags',
  'createdAt',
  'updatedAt',
  'annualValue',
  'totalValue',
] as const;
export type ContractSortField = (typeof CONTRACT_SORTS)[number] | `cf.${string}`;
const SORT = new RegExp(
  `^-?(((computed\\.)?(noticeDeadline|endsOn|currentTermEnd|earliestEndDate))|${CONTRACT_SORTS.join('|')}|cf\\.[a-z][a-z0-9_]{0,39})$`,
);

const moneyBound = z
  .string()
  .trim()
  .regex(SIGNED_MONEY, 'must be a decimal number with at most 2 decimals, e.g. "-1200.50"');

const oneOrMany = z
  .union([z.string().trim().min(1).max(60), z.array(z.string().trim().min(1).max(60)).max(20)])
  .transform((v) => (Array.isArray(v) ? v : [v]));

/**
 * The list's filters. Keys beginning `cf.` filter by custom field: `cf.<key>=value` (equality,
 * or "has this option" for multi-select) and `cf.<key>.from` / `cf.<key>.to` for number, date
 * and money fields; the server checks them against the org's field definitions.
 */
export const contractListFilters = pageQuery.extend({
  cursor: z.string().max(4_000).optional(),
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  businessUnitId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  categoryId: z.uuid().optional(),
  orgUnitId: z.uuid().optional(),
  /** Contracts carrying every tag given (repeat the parameter for several). */
  tags: oneOrMany.optional(),
  noticeDeadlineFrom: calendarDate.optional(),
  noticeDeadlineTo: calendarDate.optional(),
  endsFrom: calendarDate.optional(),
  endsTo: calendarDate.optional(),
  /** Net billing values (revenue − cost) from / to, inclusive; an open-ended total matches no range. */
  annualValueFrom: moneyBound.optional(),
  annualValueTo: moneyBound.optional(),
  totalValueFrom: moneyBound.optional(),
  totalValueTo: moneyBound.optional(),
  /** The current approval's state; `none` includes cancelled approvals. */
  approval: z.enum(CONTRACT_APPROVAL_STATES).optional(),
  /** One of CONTRACT_SORTS or `cf.<key>`; `-` for descending; `computed.` accepted before dates. */
  sort: z.string().regex(SORT, 'is not a sort order of the contract list').default('-updatedAt'),
});
export const contractListQuery = contractListFilters.catchall(
  z.union([z.string().max(200), z.array(z.string().max(200)).max(20)]),
);
/** The list query as services take it: the named filters plus any `cf.` filters. */
export type ContractListQuery = z.infer<typeof contractListFilters> & {
  [key: `cf.${string}`]: string | string[] | undefined;
};

export const contractHistoryQuery = pageQuery;

export const hierarchyNode = z.object({
  id: z.uuid(),
  /** False for a contract in a business unit the caller cannot see: only its place in the tree is shown. */
  visible: z.boolean(),
  title: z.string().nullable(),
  contractNumber: z.string().nullable(),
  status: z.enum(CONTRACT_STATUSES).nullable(),
  masterId: z.uuid().nullable(),
  depth: z.number().int(),
});
export const hierarchyOutput = z.object({ rootId: z.uuid(), nodes: z.array(hierarchyNode) });

export const recycledContract = z.object({
  id: z.uuid(),
  title: z.string(),
  contractNumber: z.string().nullable(),
  businessUnitId: z.uuid(),
  deletedAt: isoDateTime,
  /** The day it is purged for good (30 days after deletion). */
  purgeOn: z.iso.date(),
});

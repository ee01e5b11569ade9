import { z } from 'zod';
import { computedSchema } from '../terms/computed.js';
import { calendarDate, lifecycleSchema } from '../terms/lifecycle.js';
import { isoDateTime, pageQuery } from './common.js';

export const CONTRACT_STATUSES = ['draft', 'in_negotiation', 'active', 'terminated', 'archived'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

const title = z.string().trim().min(1).max(300);
const tags = z.array(z.string().trim().min(1).max(60)).max(50);

export const contractInput = z.object({
  title,
  status: z.enum(CONTRACT_STATUSES).default('draft'),
  contractNumber: z.string().trim().min(1).max(80).nullable().default(null),
  /** Omitted: the org's default business unit. */
  businessUnitId: z.uuid().optional(),
  partnerId: z.uuid().nullable().default(null),
  ownerId: z.uuid().nullable().default(null),
  backupOwnerId: z.uuid().nullable().default(null),
  masterId: z.uuid().nullable().default(null),
  description: z.string().max(20_000).nullable().default(null),
  tags: tags.default([]),
  lifecycle: lifecycleSchema,
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
    description: z.string().max(20_000).nullable(),
    tags,
    lifecycle: lifecycleSchema,
  })
  .partial();

export const noticeInput = z.object({ givenOn: calendarDate });
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
  description: z.string().nullable(),
  tags: z.array(z.string()),
  lifecycle: z.record(z.string(), z.unknown()),
  computed: computedSchema,
  asOf: z.iso.date(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  abilities: z.object({ edit: z.boolean(), delete: z.boolean() }),
});
export type ContractOutput = z.infer<typeof contractOutput>;

export const CONTRACT_SORTS = ['noticeDeadline', 'endsOn', '-updatedAt'] as const;

export const contractListQuery = pageQuery.extend({
  q: z.string().trim().min(1).max(200).optional(),
  status: z.enum(CONTRACT_STATUSES).optional(),
  businessUnitId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  partnerId: z.uuid().optional(),
  noticeDeadlineFrom: calendarDate.optional(),
  noticeDeadlineTo: calendarDate.optional(),
  endsFrom: calendarDate.optional(),
  endsTo: calendarDate.optional(),
  sort: z.enum(CONTRACT_SORTS).default('-updatedAt'),
});

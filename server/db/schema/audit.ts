import { bigint, index, jsonb, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';

/**
 * The activity log: append-only (the app role may only INSERT and SELECT) and hash-chained
 * per org. Personal data lives in audit_personal; the chain holds only a salted commitment
 * to it, so erasing a person keeps the chain verifiable.
 */
export const auditEvents = pgTable(
  'audit_events',
  {
    orgId: uuid('org_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    id: uuid('id').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    actorType: text('actor_type', { enum: ['user', 'api_key', 'system', 'anonymous'] }).notNull(),
    actorId: uuid('actor_id'),
    subjectId: uuid('subject_id'),
    action: text('action').notNull(),
    objectType: text('object_type').notNull(),
    objectId: text('object_id'),
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    personalCommitment: text('personal_commitment').notNull(),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.seq] }),
    uniqueIndex('audit_events_id_key').on(t.orgId, t.id),
    index('audit_events_time_idx').on(t.orgId, t.occurredAt),
    index('audit_events_actor_idx').on(t.orgId, t.actorId, t.seq),
    index('audit_events_object_idx').on(t.orgId, t.objectType, t.objectId),
  ],
);

export const auditPersonal = pgTable(
  'audit_personal',
  {
    orgId: uuid('org_id').notNull(),
    eventId: uuid('event_id').notNull(),
    salt: text('salt').notNull(),
    content: jsonb('content').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.eventId] })],
);

/** The chain's head per org; its row lock serialises appends within one org. */
export const auditHeads = pgTable('audit_heads', {
  orgId: uuid('org_id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: text('hash').notNull(),
});

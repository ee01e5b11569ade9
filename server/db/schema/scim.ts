import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { memberships, orgs } from './orgs.js';

/** The bearer token an identity provider provisions with; one live token per org, stored as its hash. */
export const scimTokens = pgTable(
  'scim_tokens',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull().defaultNow(),
    lastUsedAt: ts('last_used_at'),
    revokedAt: ts('revoked_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('scim_tokens_token_key').on(t.tokenHash),
    uniqueIndex('scim_tokens_live_key').on(t.orgId).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * What the identity provider says about a member of this org (SCIM User): kept per org, so one
 * account's provisioning never rewrites what another account knows of the same person.
 */
export const scimUsers = pgTable(
  'scim_users',
  {
    orgId: uuid('org_id').notNull(),
    userId: uuid('user_id').notNull(),
    userName: text('user_name').notNull(),
    externalId: text('external_id'),
    /** The work address the provider sends; the sign-in address stays the person's own. */
    email: text('email'),
    givenName: text('given_name'),
    familyName: text('family_name'),
    formatted: text('formatted'),
    displayName: text('display_name'),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete(
      'cascade',
    ),
    uniqueIndex('scim_users_user_name_key').on(t.orgId, sql`lower(${t.userName})`),
    index('scim_users_external_idx').on(t.orgId, t.externalId),
  ],
);

/** A SCIM Group; an administrator may map it to a role in one business unit. */
export const scimGroups = pgTable(
  'scim_groups',
  {
    orgId: uuid('org_id')
      .notNull()
      .references(() => orgs.id, { onDelete: 'cascade' }),
    id: uuid('id').notNull(),
    displayName: text('display_name').notNull(),
    externalId: text('external_id'),
    /** No foreign key: a mapping to a unit since deleted counts as no mapping. */
    businessUnitId: uuid('business_unit_id'),
    role: text('role', { enum: ['editor', 'viewer'] }),
    version: integer('version').notNull().default(1),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('scim_groups_display_name_key').on(t.orgId, sql`lower(${t.displayName})`),
  ],
);

export const scimGroupMembers = pgTable(
  'scim_group_members',
  {
    orgId: uuid('org_id').notNull(),
    groupId: uuid('group_id').notNull(),
    userId: uuid('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.groupId, t.userId] }),
    foreignKey({ columns: [t.orgId, t.groupId], foreignColumns: [scimGroups.orgId, scimGroups.id] }).onDelete(
      'cascade',
    ),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [memberships.orgId, memberships.userId] }).onDelete(
      'cascade',
    ),
    index('scim_group_members_user_idx').on(t.orgId, t.userId),
  ],
);

import { z } from 'zod';
import { isoDateTime } from './common.js';

/** The org's live provisioning token, never its secret. */
export const scimToken = z.object({
  id: z.uuid(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  lastUsedAt: isoDateTime.nullable(),
});

export const scimSettings = z.object({
  /** What the identity provider is given as the SCIM base URL (APP_URL/scim/v2). */
  baseUrl: z.string(),
  token: scimToken.nullable(),
});

/** The secret is in this answer only; creating a token while one is live rotates it. */
export const scimTokenCreated = z.object({ token: scimToken, secret: z.string() });

export const SCIM_GROUP_ROLES = ['editor', 'viewer'] as const;

export const scimGroup = z.object({
  id: z.uuid(),
  displayName: z.string(),
  memberCount: z.number().int(),
  /** The unit whose role members get; null when the group is not mapped. */
  businessUnitId: z.uuid().nullable(),
  role: z.enum(SCIM_GROUP_ROLES).nullable(),
});

export const scimGroupMappingInput = z
  .object({
    businessUnitId: z.uuid().nullable(),
    role: z.enum(SCIM_GROUP_ROLES).nullable(),
  })
  .refine((m) => (m.businessUnitId === null) === (m.role === null), {
    message: 'needs both a business unit and a role, or neither to unmap',
    params: { rule: 'mapping_incomplete' },
    path: ['role'],
  });
export type ScimGroupMappingInput = z.infer<typeof scimGroupMappingInput>;

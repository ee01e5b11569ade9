import { z } from 'zod';
import { email, personName, ROLES, UNIT_ROLES } from './auth.js';
import { isoDateTime } from './common.js';

export const businessUnitName = z.string().trim().min(1).max(120);
export const businessUnit = z.object({
  id: z.uuid(),
  name: z.string(),
  isDefault: z.boolean(),
  createdAt: isoDateTime,
});
export const businessUnitInput = z.object({ name: businessUnitName });

/** Per business unit: editor, viewer or none (absent). Administrators hold every unit. */
export const unitRoleMap = z.record(z.uuid(), z.enum([...UNIT_ROLES, 'none']));

export const USER_STATUSES = ['active', 'invited', 'locked'] as const;
export const orgUser = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  status: z.enum(USER_STATUSES),
  roles: z.record(z.uuid(), z.enum(UNIT_ROLES)),
  lastSignInAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});
export const inviteInput = z.object({
  email,
  name: personName.optional(),
  isAdmin: z.boolean().default(false),
  roles: unitRoleMap.default({}),
});
export const setRolesInput = z.object({ isAdmin: z.boolean(), roles: unitRoleMap });

export const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  businessUnitIds: z.array(z.uuid()).nullable(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export const apiKeyInput = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  businessUnitIds: z.array(z.uuid()).min(1).max(500).nullable().default(null),
});
export const apiKeyCreated = z.object({ apiKey, token: z.string() });

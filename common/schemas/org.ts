import { z } from 'zod';
import { apiScopes } from './api-scopes.js';
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

/** Erasing a person: the administrator types their e-mail address to confirm (the server compares). */
export const eraseUserInput = z.object({ email });
export const erasedUser = z.object({
  id: z.uuid(),
  /** What the account shows for the person from now on, e.g. "Person 7K2QX9MD". */
  pseudonym: z.string(),
  /** Activity-log entries whose personal details (names, e-mail addresses, IP, browser) were removed. */
  logEntries: z.number().int(),
  /** Reminder mails to the person whose address was replaced. */
  deliveries: z.number().int(),
  /** True when the person belonged to no other account, so their sign-in account itself was pseudonymised. */
  accountErased: z.boolean(),
});

export const apiKey = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string(),
  role: z.enum(ROLES),
  businessUnitIds: z.array(z.uuid()).nullable(),
  scopes: apiScopes,
  rateLimitPerMinute: z.number().int().nullable(),
  createdAt: isoDateTime,
  createdBy: z.string().nullable(),
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export const apiKeyInput = z.object({
  name: z.string().trim().min(1).max(120),
  role: z.enum(ROLES),
  businessUnitIds: z.array(z.uuid()).min(1).max(500).nullable().default(null),
  /** Omitted or null: every family the role allows. An empty object reaches nothing but `/me`. */
  scopes: apiScopes.default(null),
  /** Requests a minute; omitted or null: the deployment's default (API_KEY_RATE_LIMIT). */
  rateLimitPerMinute: z.number().int().min(1).max(100_000).nullable().default(null),
});
export const apiKeyCreated = z.object({ apiKey, token: z.string() });

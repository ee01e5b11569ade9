// What an API key may reach, by resource family (issue #15, docs/api.md "API keys"): on top of its role and units.
import { z } from 'zod';

/**
 * The resource families and the OpenAPI tags of the routes in each. A key with scopes reaches a route only
 * when it holds the route's family: `read` for GET, `write` (which includes read) for everything else.
 */
export const SCOPE_FAMILIES = {
  contracts: ['contracts', 'billing lines', 'events', 'imports', 'saved-views', 'search', 'dashboard', 'calendar'],
  partners: ['partners'],
  documents: ['documents', 'inbox'],
  reminders: ['reminders', 'mail templates'],
  signing: ['envelopes'],
  approvals: ['approvals', 'approval templates'],
  reports: ['reports'],
  webhooks: ['webhooks'],
  settings: ['settings', 'categories', 'organizational units', 'business units', 'custom fields', 'api keys'],
  users: ['users'],
  audit: ['activity log'],
  account: ['account export', 'subscription'],
} as const satisfies Record<string, readonly string[]>;

export type ScopeFamily = keyof typeof SCOPE_FAMILIES;
export const SCOPE_FAMILY_NAMES = Object.keys(SCOPE_FAMILIES) as ScopeFamily[];
export const SCOPE_LEVELS = ['read', 'write'] as const;
export type ScopeLevel = (typeof SCOPE_LEVELS)[number];

/** `null`: every family, as the key's role allows (keys made before scopes existed keep working). */
export const apiScopes = z.partialRecord(z.enum(SCOPE_FAMILY_NAMES), z.enum(SCOPE_LEVELS)).nullable();
export type ApiScopes = z.infer<typeof apiScopes>;

/**
 * Tags of routes every key reaches whatever its scopes: who am I, signing in and out, the public pages
 * and links (which take no key at all).
 */
export const UNSCOPED_TAGS = ['me', 'auth', 'meta', 'trust', 'reminder links', 'signing', 'provisioning'] as const;

/** The family a route's OpenAPI tag belongs to; undefined for unscoped and unknown tags. */
export function familyOfTag(tag: string): ScopeFamily | undefined {
  return SCOPE_FAMILY_NAMES.find((family) => (SCOPE_FAMILIES[family] as readonly string[]).includes(tag));
}

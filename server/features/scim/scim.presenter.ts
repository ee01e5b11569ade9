import type { Config } from '../../config.js';
import { USER_SCHEMA } from './scim-users.attrs.js';
import type { ScimUserRow } from './scim-users.repo.js';

export const LIST_RESPONSE = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';

export const scimBase = (config: Config) => `${config.appUrl}/scim/v2`;

/** The weak ETag of a resource version (RFC 7644 §3.14). */
export const etagOf = (version: number) => `W/"${version}"`;

/** Leaves out what is unassigned: SCIM treats a missing attribute and null alike. */
function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

export function presentUser(config: Config, row: ScimUserRow, active: boolean) {
  const name = compact({ givenName: row.givenName, familyName: row.familyName, formatted: row.formatted });
  return {
    schemas: [USER_SCHEMA],
    id: row.userId,
    ...compact({ externalId: row.externalId, displayName: row.displayName }),
    userName: row.userName,
    ...(Object.keys(name).length > 0 ? { name } : {}),
    emails: row.email ? [{ value: row.email, type: 'work', primary: true }] : [],
    active,
    meta: {
      resourceType: 'User',
      created: row.createdAt.toISOString(),
      lastModified: row.updatedAt.toISOString(),
      location: `${scimBase(config)}/Users/${row.userId}`,
      version: etagOf(row.version),
    },
  };
}

export function listResponse<T>(resources: T[], total: number, startIndex: number) {
  return {
    schemas: [LIST_RESPONSE],
    totalResults: total,
    startIndex,
    itemsPerPage: resources.length,
    Resources: resources,
  };
}

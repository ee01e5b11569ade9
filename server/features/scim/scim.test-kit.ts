import type { Harness, Res } from '../../test/harness.js';

/** One SCIM request as an identity provider sends it: Bearer token, `application/scim+json`. */
export function scim(
  h: Harness,
  token: string | null,
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Res> {
  return h.app.inject({
    method,
    url: `/scim/v2${path}`,
    headers: {
      'user-agent': 'Microsoft.Identity.Provisioning/1.0',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { 'content-type': 'application/scim+json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
}

/** Asserts a SCIM error (RFC 7644 §3.12) and returns its body. */
export function expectScimError(res: Res, status: number, scimType?: string) {
  const body = res.json() as { schemas: string[]; status: string; scimType?: string; detail: string };
  const ok =
    res.statusCode === status &&
    String(res.headers['content-type']).startsWith('application/scim+json') &&
    body.schemas?.[0] === 'urn:ietf:params:scim:api:messages:2.0:Error' &&
    body.status === String(status) &&
    body.scimType === scimType;
  if (!ok) throw new Error(`expected SCIM ${status} ${scimType ?? ''}, got ${res.statusCode} ${res.body}`);
  return body;
}

const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
export const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';

/** Microsoft Entra ID's user create, as its provisioning service sends it with the default mappings. */
export const entraCreateUser = (email: string, externalId: string) => ({
  schemas: [USER, ENTERPRISE],
  externalId,
  userName: email,
  active: true,
  addresses: [{ primary: true, type: 'work', streetAddress: 'Hauptstr. 1', locality: 'Berlin', country: 'DE' }],
  displayName: 'Erika Mustermann',
  emails: [{ primary: true, type: 'work', value: email }],
  meta: { resourceType: 'User' },
  name: { formatted: 'Erika Mustermann', familyName: 'Mustermann', givenName: 'Erika' },
  phoneNumbers: [{ type: 'work', value: '+49 30 1234567' }],
  title: 'Legal Counsel',
  preferredLanguage: 'de-DE',
  [ENTERPRISE]: { employeeNumber: '4711', department: 'Legal', manager: { value: 'boss-id' } },
});

/** Entra ID's update: capitalised ops, booleans as strings, filtered paths. */
export const entraPatch = (operations: { op: string; path?: string; value?: unknown }[]) => ({
  schemas: [PATCH_OP],
  Operations: operations,
});

/** Okta's user create (SCIM 2.0 template app). */
export const oktaCreateUser = (email: string) => ({
  schemas: [USER],
  userName: email,
  name: { givenName: 'Otto', familyName: 'Okta' },
  emails: [{ primary: true, value: email, type: 'work' }],
  displayName: 'Otto Okta',
  locale: 'en-US',
  externalId: '00u1abcd2EFGH3ijk4x7',
  groups: [],
  password: 'ignored-Secret-1',
  active: true,
});

/** Okta's deactivation: a replace without a path. */
export const oktaDeactivate = { schemas: [PATCH_OP], Operations: [{ op: 'replace', value: { active: false } }] };

/** Okta's group push: the group with its members. */
export const oktaGroup = (name: string, members: { value: string; display: string }[]) => ({
  schemas: [GROUP],
  displayName: name,
  members,
});

export const entraGroup = (name: string) => ({
  schemas: [GROUP],
  externalId: '8aa1a0c0-c4c3-4bc0-b4a5-2ef676900159',
  displayName: name,
  members: [],
});

import type { Config } from '../../config.js';
import { LIST_RESPONSE, scimBase } from './scim.presenter.js';
import { USER_SCHEMA } from './scim-users.attrs.js';

export const MAX_RESULTS = 200;

const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const SPC = 'urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig';
const RESOURCE_TYPE = 'urn:ietf:params:scim:schemas:core:2.0:ResourceType';
const SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Schema';

export function serviceProviderConfig(config: Config) {
  return {
    schemas: [SPC],
    documentationUri: `${config.appUrl}/api/docs`,
    patch: { supported: true },
    bulk: { supported: false, maxOperations: 0, maxPayloadSize: 0 },
    filter: { supported: true, maxResults: MAX_RESULTS },
    changePassword: { supported: false },
    sort: { supported: false },
    etag: { supported: true },
    authenticationSchemes: [
      {
        type: 'oauthbearertoken',
        name: 'Bearer token',
        description: 'The provisioning token from Settings → Provisioning (SCIM).',
        primary: true,
      },
    ],
    meta: { resourceType: 'ServiceProviderConfig', location: `${scimBase(config)}/ServiceProviderConfig` },
  };
}

export function resourceTypes(config: Config) {
  const types = [
    { id: 'User', name: 'User', endpoint: '/Users', description: 'A member of the account', schema: USER_SCHEMA },
    {
      id: 'Group',
      name: 'Group',
      endpoint: '/Groups',
      description: 'A group, mapped to a business-unit role',
      schema: GROUP_SCHEMA,
    },
  ].map((t) => ({
    schemas: [RESOURCE_TYPE],
    ...t,
    meta: { resourceType: 'ResourceType', location: `${scimBase(config)}/ResourceTypes/${t.id}` },
  }));
  return {
    schemas: [LIST_RESPONSE],
    totalResults: types.length,
    startIndex: 1,
    itemsPerPage: types.length,
    Resources: types,
  };
}

const attribute = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  type: 'string',
  multiValued: false,
  required: false,
  caseExact: false,
  mutability: 'readWrite',
  returned: 'default',
  uniqueness: 'none',
  ...extra,
});

export function schemas(config: Config) {
  const user = {
    schemas: [SCHEMA],
    id: USER_SCHEMA,
    name: 'User',
    description: 'A member of the account',
    attributes: [
      attribute('userName', { required: true, uniqueness: 'server', description: 'The e-mail address' }),
      attribute('externalId', { caseExact: true }),
      attribute('name', {
        type: 'complex',
        subAttributes: [attribute('givenName'), attribute('familyName'), attribute('formatted')],
      }),
      attribute('displayName'),
      attribute('emails', {
        type: 'complex',
        multiValued: true,
        subAttributes: [attribute('value'), attribute('type'), attribute('primary', { type: 'boolean' })],
      }),
      attribute('active', { type: 'boolean', description: 'false locks the member and ends their sessions' }),
    ],
    meta: { resourceType: 'Schema', location: `${scimBase(config)}/Schemas/${USER_SCHEMA}` },
  };
  const group = {
    schemas: [SCHEMA],
    id: GROUP_SCHEMA,
    name: 'Group',
    description: 'A group; an administrator maps it to a business-unit role',
    attributes: [
      attribute('displayName', { required: true, uniqueness: 'server' }),
      attribute('externalId', { caseExact: true }),
      attribute('members', {
        type: 'complex',
        multiValued: true,
        subAttributes: [
          attribute('value', { caseExact: true, mutability: 'immutable' }),
          attribute('display', { mutability: 'readOnly' }),
          attribute('$ref', { type: 'reference', referenceTypes: ['User'], mutability: 'immutable' }),
        ],
      }),
    ],
    meta: { resourceType: 'Schema', location: `${scimBase(config)}/Schemas/${GROUP_SCHEMA}` },
  };
  return { schemas: [LIST_RESPONSE], totalResults: 2, startIndex: 1, itemsPerPage: 2, Resources: [user, group] };
}

import { ScimError } from './scim.errors.js';
import { booleanOf, object, type PatchOperation, stringOf } from './scim.patch.js';

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const ENTERPRISE_USER = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

/** The attributes a SCIM User holds here. */
export interface UserAttrs {
  userName: string;
  externalId: string | null;
  email: string | null;
  givenName: string | null;
  familyName: string | null;
  formatted: string | null;
  displayName: string | null;
  active: boolean;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * Attributes identity providers send by default that Deedbox does not keep: accepted and dropped,
 * so Entra ID's and Okta's default mappings provision without errors.
 */
const IGNORED =
  /^(title|preferredlanguage|nickname|locale|timezone|usertype|profileurl|addresses|phonenumbers|ims|photos|x509certificates|entitlements|roles|password)\b/i;

function userNameOf(value: unknown): string {
  const userName = stringOf(value, 'userName', 254);
  if (!userName || !EMAIL.test(userName)) throw ScimError.bad('invalidValue', 'userName must be an e-mail address.');
  return userName;
}

function emailOf(value: unknown): string | null {
  const email = stringOf(value, 'emails.value', 254);
  if (email !== null && !EMAIL.test(email))
    throw ScimError.bad('invalidValue', 'emails.value must be an e-mail address.');
  return email;
}

/** The work (or primary, or first) address of an `emails` array. */
function emailsOf(value: unknown): string | null {
  if (value === null) return null;
  if (!Array.isArray(value)) throw ScimError.bad('invalidValue', 'emails must be an array.');
  const entries = value.map((e, i) => object(e, `emails[${i}]`));
  const chosen = entries.find((e) => e.type === 'work') ?? entries.find((e) => e.primary === true) ?? entries[0];
  return chosen ? emailOf(chosen.value) : null;
}

/** A whole User resource, as POST and PUT send it; without `active`, a PUT keeps the member's state. */
export function userFromResource(body: unknown, activeIfOmitted = true): UserAttrs {
  const resource = object(body, 'The body');
  if (!Array.isArray(resource.schemas) || !resource.schemas.includes(USER_SCHEMA)) {
    throw ScimError.bad('invalidSyntax', `schemas must contain "${USER_SCHEMA}".`);
  }
  const name = resource.name === undefined || resource.name === null ? {} : object(resource.name, 'name');
  return {
    userName: userNameOf(resource.userName),
    externalId: stringOf(resource.externalId ?? null, 'externalId'),
    email: emailsOf(resource.emails ?? null),
    givenName: stringOf(name.givenName ?? null, 'name.givenName', 200),
    familyName: stringOf(name.familyName ?? null, 'name.familyName', 200),
    formatted: stringOf(name.formatted ?? null, 'name.formatted', 200),
    displayName: stringOf(resource.displayName ?? null, 'displayName', 200),
    active: resource.active === undefined ? activeIfOmitted : booleanOf(resource.active, 'active'),
  };
}

/** Applies PatchOp operations to a user; unknown paths are refused, read-only ones too. */
export function patchUser(current: UserAttrs, operations: PatchOperation[]): UserAttrs {
  const next = { ...current };
  for (const operation of operations) {
    if (operation.path === null) {
      for (const [key, value] of Object.entries(object(operation.value, 'value'))) setPath(next, key, value);
    } else {
      setPath(next, operation.path, operation.op === 'remove' ? null : operation.value);
    }
  }
  return next;
}

function setPath(user: UserAttrs, path: string, value: unknown): void {
  const lower = path.toLowerCase();
  if (lower.startsWith(ENTERPRISE_USER.toLowerCase()) || IGNORED.test(lower)) return;
  const workEmail = /^emails\[type eq "(\w+)"\]\.value$/i.exec(path);
  if (workEmail) {
    if (workEmail[1]!.toLowerCase() === 'work') user.email = emailOf(value);
    return;
  }
  // Other sub-attributes of an address (`emails[type eq "work"].primary`) carry nothing kept here.
  if (lower.startsWith('emails[')) return;
  switch (lower) {
    case 'active':
      if (value === null) throw ScimError.bad('invalidValue', 'active cannot be removed.');
      user.active = booleanOf(value, 'active');
      return;
    case 'username':
      user.userName = userNameOf(value);
      return;
    case 'externalid':
      user.externalId = stringOf(value, 'externalId');
      return;
    case 'displayname':
      user.displayName = stringOf(value, 'displayName', 200);
      return;
    case 'name.givenname':
      user.givenName = stringOf(value, 'name.givenName', 200);
      return;
    case 'name.familyname':
      user.familyName = stringOf(value, 'name.familyName', 200);
      return;
    case 'name.formatted':
      user.formatted = stringOf(value, 'name.formatted', 200);
      return;
    case 'name': {
      const name = value === null ? {} : object(value, 'name');
      for (const key of ['givenName', 'familyName', 'formatted'] as const) {
        if (value === null || key in name) setPath(user, `name.${key}`, name[key] ?? null);
      }
      return;
    }
    case 'emails':
      user.email = emailsOf(value);
      return;
    case 'id':
    case 'meta':
    case 'groups':
    case 'schemas':
      throw ScimError.bad('mutability', `${path} is read-only.`);
    default:
      throw ScimError.bad('invalidPath', `${path} is not an attribute of a User here.`);
  }
}

/** The name Deedbox shows for a person it creates from SCIM. */
export function personName(user: UserAttrs): string {
  const parts = [user.givenName, user.familyName].filter(Boolean).join(' ');
  return user.displayName ?? user.formatted ?? (parts || user.userName.split('@')[0]!);
}

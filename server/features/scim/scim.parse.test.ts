import { describe, expect, it } from 'vitest';
import { ScimError } from './scim.errors.js';
import { parseFilter } from './scim.filter.js';
import { parsePatch } from './scim.patch.js';
import { patchUser, type UserAttrs, userFromResource } from './scim-users.attrs.js';

const USERS = { username: 'userName', externalid: 'externalId' };
const GROUPS = { displayname: 'displayName', id: 'id', 'members.value': 'member' };
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

function scimTypeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    if (err instanceof ScimError) return err.scimType;
    throw err;
  }
  throw new Error('did not throw');
}

describe('SCIM filters', () => {
  it('reads eq comparisons joined by and, attribute names in any case, quoted values with escapes', () => {
    expect(parseFilter('userName eq "a@b.example"', USERS)).toEqual([{ attribute: 'userName', value: 'a@b.example' }]);
    expect(parseFilter('USERNAME Eq "x\\"y" and externalId eq "42"', USERS)).toEqual([
      { attribute: 'userName', value: 'x"y' },
      { attribute: 'externalId', value: '42' },
    ]);
    expect(parseFilter('id eq "g" and members[value eq "u"]', GROUPS)).toEqual([
      { attribute: 'id', value: 'g' },
      { attribute: 'member', value: 'u' },
    ]);
  });

  it('refuses every other operator, attribute or shape as invalidFilter', () => {
    for (const filter of [
      'userName co "a"',
      'userName sw "a"',
      'title eq "x"',
      'userName eq "a" or userName eq "b"',
      'not (userName eq "a")',
      'userName eq',
      'userName eq "\\ "',
      'userName eq "a\u0000"',
      'members[value eq "u"]',
    ]) {
      expect(
        scimTypeOf(() => parseFilter(filter, USERS)),
        filter,
      ).toBe('invalidFilter');
    }
  });
});

describe('SCIM PATCH', () => {
  const user: UserAttrs = {
    userName: 'erika@example.com',
    externalId: null,
    email: null,
    givenName: 'Erika',
    familyName: 'Muster',
    formatted: null,
    displayName: null,
    active: true,
  };
  const ops = (...operations: unknown[]) => parsePatch({ schemas: [PATCH_OP], Operations: operations });

  it("applies Entra ID's capitalised ops with string booleans and Okta's path-less replace", () => {
    expect(patchUser(user, ops({ op: 'Replace', path: 'active', value: 'False' })).active).toBe(false);
    expect(patchUser(user, ops({ op: 'replace', value: { active: false, 'name.givenName': 'E.' } }))).toMatchObject({
      active: false,
      givenName: 'E.',
    });
    expect(
      patchUser(user, ops({ op: 'Add', path: 'emails[type eq "work"].value', value: 'work@example.com' })).email,
    ).toBe('work@example.com');
    expect(patchUser(user, ops({ op: 'Remove', path: 'name.familyName' })).familyName).toBeNull();
  });

  it('refuses what it cannot apply, with the scimType RFC 7644 names', () => {
    expect(scimTypeOf(() => ops({ op: 'copy', path: 'active', value: true }))).toBe('invalidSyntax');
    expect(scimTypeOf(() => ops({ op: 'remove' }))).toBe('noTarget');
    expect(scimTypeOf(() => parsePatch({ Operations: [] }))).toBe('invalidSyntax');
    expect(scimTypeOf(() => patchUser(user, ops({ op: 'replace', path: 'id', value: 'x' })))).toBe('mutability');
    expect(scimTypeOf(() => patchUser(user, ops({ op: 'replace', path: 'nope', value: 'x' })))).toBe('invalidPath');
    expect(scimTypeOf(() => patchUser(user, ops({ op: 'replace', path: 'active', value: 'yes' })))).toBe(
      'invalidValue',
    );
  });

  it('reads a whole resource, dropping what Deedbox does not keep', () => {
    const parsed = userFromResource({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: 'a@b.example',
      title: 'CEO',
      emails: [
        { value: 'home@b.example', type: 'home' },
        { value: 'work@b.example', type: 'work' },
      ],
    });
    expect(parsed).toMatchObject({ userName: 'a@b.example', email: 'work@b.example', active: true });
    expect(scimTypeOf(() => userFromResource({ userName: 'a@b.example' }))).toBe('invalidSyntax');
  });
});

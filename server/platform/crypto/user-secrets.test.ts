import { describe, expect, it } from 'vitest';
import { Keyring, MasterKeyMissingError, newKey } from './keyring.js';
import { IntegrityError } from './seal-format.js';
import { openUserSecret, sealUserSecret } from './user-secrets.js';

const k1 = newKey();
const k2 = newKey();
const only1 = new Keyring([{ version: 1, key: k1 }], 1);
const both = new Keyring(
  [
    { version: 1, key: k1 },
    { version: 2, key: k2 },
  ],
  2,
);
const USER = '00000000-0000-4000-8000-000000000001';
const OTHER_USER = '00000000-0000-4000-8000-000000000002';
const FACTOR = '00000000-0000-4000-8000-0000000000f1';
const OTHER_FACTOR = '00000000-0000-4000-8000-0000000000f2';
const SECRET = 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP';

describe('user secrets', () => {
  it('seals under the active master version and opens again, never holding the plaintext', () => {
    const sealed = sealUserSecret(only1, USER, FACTOR, SECRET);
    expect(sealed.masterVersion).toBe(1);
    expect(sealed.sealed.toString('latin1')).not.toContain(SECRET);
    expect(openUserSecret(only1, USER, FACTOR, sealed)).toBe(SECRET);
    expect(sealUserSecret(only1, USER, FACTOR, SECRET).sealed.equals(sealed.sealed)).toBe(false);
  });

  it('does not open for another person or factor, or when altered', () => {
    const sealed = sealUserSecret(only1, USER, FACTOR, SECRET);
    expect(() => openUserSecret(only1, OTHER_USER, FACTOR, sealed)).toThrow(IntegrityError);
    expect(() => openUserSecret(only1, USER, OTHER_FACTOR, sealed)).toThrow(IntegrityError);
    const altered = Buffer.from(sealed.sealed);
    altered[20]! ^= 1;
    expect(() => openUserSecret(only1, USER, FACTOR, { ...sealed, sealed: altered })).toThrow(IntegrityError);
  });

  it('opens an old seal by its stored version after rotation, and needs that version configured', () => {
    const old = sealUserSecret(only1, USER, FACTOR, SECRET);
    expect(openUserSecret(both, USER, FACTOR, old)).toBe(SECRET);
    const resealed = sealUserSecret(both, USER, FACTOR, SECRET);
    expect(resealed.masterVersion).toBe(2);
    const onlyNew = new Keyring([{ version: 2, key: k2 }], 2);
    expect(openUserSecret(onlyNew, USER, FACTOR, resealed)).toBe(SECRET);
    expect(() => openUserSecret(onlyNew, USER, FACTOR, old)).toThrow(MasterKeyMissingError);
  });

  it('derives different keys for different purposes and versions, none equal to the master key', () => {
    const a = both.deriveKey('user-secrets', 1).key;
    expect(a.equals(k1)).toBe(false);
    expect(both.deriveKey('user-secrets', 2).key.equals(a)).toBe(false);
    expect(both.deriveKey('other', 1).key.equals(a)).toBe(false);
    expect(only1.deriveKey('user-secrets').key.equals(a)).toBe(true);
  });
});

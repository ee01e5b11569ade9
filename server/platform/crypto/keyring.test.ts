import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  Keyring,
  KeyringError,
  newKey,
  parseMasterKeys,
  unwrapKey,
  WRAPPED_KEY_LENGTH,
  wrapKey,
  wrappedKeyVersion,
} from './keyring.js';
import { IntegrityError } from './seal.js';

const v1 = { version: 1, key: newKey() };
const v2 = { version: 2, key: newKey() };

function flip(wrapped: Buffer, at: number): Buffer {
  const copy = Buffer.from(wrapped);
  copy[at]! ^= 0x80;
  return copy;
}

function thrown(action: () => unknown): Error {
  try {
    action();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a throw');
}

describe('wrapKey / unwrapKey', () => {
  it('wraps and unwraps, with a fresh nonce every time and the version up front', () => {
    const dek = newKey();
    const wrapped = wrapKey(v2, dek, 'org-1/doc-1/1');
    expect(wrapped.length).toBe(WRAPPED_KEY_LENGTH);
    expect(wrappedKeyVersion(wrapped)).toBe(2);
    expect(wrapped.includes(dek)).toBe(false);
    expect(unwrapKey(v2, wrapped, 'org-1/doc-1/1')).toEqual(dek);
    expect(wrapKey(v2, dek, 'org-1/doc-1/1')).not.toEqual(wrapped);
  });

  it('refuses another context, another key, and every flipped bit', () => {
    const wrapped = wrapKey(v1, newKey(), 'org-1');
    const wrongContext = thrown(() => unwrapKey(v1, wrapped, 'org-2'));
    expect(wrongContext).toBeInstanceOf(IntegrityError);
    expect(wrongContext.message).toMatch(/tag mismatch in wrapped key/);
    expect(thrown(() => unwrapKey({ version: 1, key: newKey() }, wrapped, 'org-1'))).toBeInstanceOf(IntegrityError);
    for (let at = 0; at < wrapped.length; at++) {
      const error = thrown(() => unwrapKey(v1, flip(wrapped, at), 'org-1'));
      // Bytes 1..4 are the version: a flip there names a version that is not this key's.
      expect(error).toBeInstanceOf(at >= 1 && at <= 4 ? KeyringError : IntegrityError);
    }
  });

  it('a version prefix rewritten to another key of the same bytes still fails: the prefix is authenticated', () => {
    const shared = newKey();
    const wrapped = wrapKey({ version: 1, key: shared }, newKey(), 'org-1');
    const relabelled = Buffer.from(wrapped);
    relabelled.writeUInt32BE(7, 1);
    expect(thrown(() => unwrapKey({ version: 7, key: shared }, relabelled, 'org-1'))).toBeInstanceOf(IntegrityError);
  });

  it('refuses malformed input: wrong lengths and formats', () => {
    const wrapped = wrapKey(v1, newKey(), 'org-1');
    for (const bad of [
      Buffer.alloc(0),
      wrapped.subarray(0, WRAPPED_KEY_LENGTH - 1),
      Buffer.concat([wrapped, Buffer.alloc(1)]),
    ]) {
      const error = thrown(() => unwrapKey(v1, bad, 'org-1'));
      expect(error).toBeInstanceOf(IntegrityError);
      expect(error.message).toMatch(/bad wrapped key/);
    }
    const otherFormat = Buffer.from(wrapped);
    otherFormat[0] = 2;
    expect(thrown(() => unwrapKey(v1, otherFormat, 'org-1')).message).toMatch(/bad wrapped key/);
    expect(thrown(() => wrapKey(v1, randomBytes(16), 'org-1'))).toBeInstanceOf(TypeError);
    expect(thrown(() => wrapKey({ version: 1, key: randomBytes(31) }, newKey(), 'org-1'))).toBeInstanceOf(KeyringError);
    expect(thrown(() => wrapKey({ version: 0, key: newKey() }, newKey(), 'org-1'))).toBeInstanceOf(KeyringError);
  });
});

describe('Keyring', () => {
  it('wraps under the active version and unwraps under the version in the blob after rotation', () => {
    const orgKey = newKey();
    const before = new Keyring([v1], 1);
    const wrappedV1 = before.wrapOrgKey(orgKey, 'org-1');
    const after = new Keyring([v1, v2], 2);
    expect(after.unwrapOrgKey(wrappedV1, 'org-1')).toEqual(orgKey);
    expect(after.needsRewrap(wrappedV1)).toBe(true);
    const wrappedV2 = after.wrapOrgKey(after.unwrapOrgKey(wrappedV1, 'org-1'), 'org-1');
    expect(wrappedKeyVersion(wrappedV2)).toBe(2);
    expect(after.needsRewrap(wrappedV2)).toBe(false);
    expect(after.unwrapOrgKey(wrappedV2, 'org-1')).toEqual(orgKey);
    expect(after.versions).toEqual([1, 2]);
  });

  it('names an unknown version, and refuses another context', () => {
    const wrapped = new Keyring([v2], 2).wrapOrgKey(newKey(), 'org-1');
    const unknown = thrown(() => new Keyring([v1], 1).unwrapOrgKey(wrapped, 'org-1'));
    expect(unknown).toBeInstanceOf(KeyringError);
    expect(unknown.message).toBe('master key version 2 is not configured');
    expect(thrown(() => new Keyring([v2], 2).unwrapOrgKey(wrapped, 'org-2'))).toBeInstanceOf(IntegrityError);
  });

  it('refuses a missing active version, duplicate versions and keys of the wrong size', () => {
    expect(thrown(() => new Keyring([v1], 2)).message).toMatch(/active key version 2 is not configured/);
    expect(thrown(() => new Keyring([v1, { version: 1, key: newKey() }], 1)).message).toMatch(/given twice/);
    expect(thrown(() => new Keyring([{ version: 3, key: randomBytes(16) }], 3)).message).toMatch(/32 bytes/);
  });
});

describe('parseMasterKeys', () => {
  const b64 = (key: Buffer) => key.toString('base64');

  it('reads versioned keys and the active one', () => {
    const ring = parseMasterKeys(` 1:${b64(v1.key)}, 2:${v2.key.toString('base64url')} ;active=2`);
    expect(ring.versions).toEqual([1, 2]);
    expect(ring.activeVersion).toBe(2);
    const wrapped = ring.wrapOrgKey(newKey(), 'org-1');
    expect(wrappedKeyVersion(wrapped)).toBe(2);
    expect(new Keyring([v2], 2).unwrapOrgKey(wrapped, 'org-1').length).toBe(32);
  });

  it('takes a single key as the active one without ;active', () => {
    expect(parseMasterKeys(`5:${b64(v1.key)}`).activeVersion).toBe(5);
  });

  it.each([
    ['', /entry 1: not VERSION:BASE64KEY/],
    [`1:${b64(v1.key)},2:${b64(v2.key)}`, /name the active key with ;active=VERSION/],
    [`1:${b64(v1.key)};active=3`, /active key version 3 is not in the list/],
    [`1:${b64(randomBytes(16))}`, /entry 1: key version 1 is not 32 bytes/],
    [`1:${b64(randomBytes(33))}`, /entry 1: key version 1 is not 32 bytes/],
    [`1:${b64(v1.key).slice(0, -2)}xx`, /entry 1: key version 1 is not 32 bytes/],
    [`1:${b64(v1.key)},1:${b64(v2.key)};active=1`, /entry 2: key version 1 is given twice/],
    [`0:${b64(v1.key)}`, /entry 1: key version 0 is out of range/],
    [`1:${b64(v1.key)};active=1;active=1`, /option 2 after ";"/],
    [`${b64(v1.key)};active=1`, /entry 1: not VERSION:BASE64KEY/],
  ])('refuses %j', (text, message) => {
    const error = thrown(() => parseMasterKeys(text));
    expect(error).toBeInstanceOf(KeyringError);
    expect(error.message).toMatch(message);
    // The message never carries key material.
    expect(error.message).not.toContain(b64(v1.key).slice(0, 12));
  });

  it('refuses a non-canonical encoding that Node would decode leniently to 32 bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    const canonical = b64(v1.key);
    const lastChar = alphabet[alphabet.indexOf(canonical[42]!) ^ 1]!;
    const lenient = `${canonical.slice(0, 42)}${lastChar}=`;
    expect(Buffer.from(lenient, 'base64')).toEqual(v1.key);
    expect(thrown(() => parseMasterKeys(`1:${lenient}`)).message).toMatch(/not 32 bytes of base64/);
  });

  it('lists every problem at once', () => {
    const error = thrown(() => parseMasterKeys(`x,1:${b64(randomBytes(8))};active=1`));
    expect(error.message).toMatch(/entry 1: not VERSION:BASE64KEY; entry 2: key version 1 is not 32 bytes/);
  });
});

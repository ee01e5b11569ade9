import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { IntegrityError } from './seal.js';

/**
 * Envelope wrapping (docs/security.md, "Sealing format"):
 *   wrapped = format u8 (1) | key version u32 BE | nonce (12 random) | ciphertext (32) | tag (16) — 65 bytes
 * AES-256-GCM under the key-encryption key; the AAD is the first 5 bytes and the caller's context,
 * so neither the version prefix nor the owner of a wrapped key can be swapped.
 */
const WRAP_FORMAT = 1;
const KEY_LENGTH = 32;
const NONCE_LENGTH = 12;
const TAG_LENGTH = 16;
const PREFIX_LENGTH = 5;
export const WRAPPED_KEY_LENGTH = PREFIX_LENGTH + NONCE_LENGTH + KEY_LENGTH + TAG_LENGTH;
const MAX_VERSION = 0xffff_ffff;

export interface VersionedKey {
  version: number;
  key: Buffer;
}

/** A key configuration problem: a malformed key list, or a wrapped key under a version not configured. */
export class KeyringError extends Error {
  override readonly name = 'KeyringError';
}

/** A wrapped key names a master key version that MASTER_KEYS does not have (removed too early, or never added). */
export class MasterKeyMissingError extends KeyringError {
  constructor(readonly version: number) {
    super(`master key version ${version} is not configured`);
  }
}

/** A fresh random 32-byte key (org key, data key). */
export function newKey(): Buffer {
  return randomBytes(KEY_LENGTH);
}

function assertVersionedKey({ version, key }: VersionedKey): void {
  if (!Number.isInteger(version) || version < 1 || version > MAX_VERSION) {
    throw new KeyringError(`key version ${version} must be an integer from 1 to ${MAX_VERSION}`);
  }
  if (key.length !== KEY_LENGTH) throw new KeyringError(`key version ${version} must be ${KEY_LENGTH} bytes`);
}

function prefix(version: number): Buffer {
  const head = Buffer.alloc(PREFIX_LENGTH);
  head.writeUInt8(WRAP_FORMAT, 0);
  head.writeUInt32BE(version, 1);
  return head;
}

/** The key version a wrapped key was made under; IntegrityError when it is not a wrapped key at all. */
export function wrappedKeyVersion(wrapped: Buffer): number {
  if (wrapped.length !== WRAPPED_KEY_LENGTH || wrapped.readUInt8(0) !== WRAP_FORMAT) {
    throw new IntegrityError('header', 'bad wrapped key: wrong length or format');
  }
  return wrapped.readUInt32BE(1);
}

export function wrapKey(kek: VersionedKey, dek: Buffer, context: string): Buffer {
  assertVersionedKey(kek);
  if (dek.length !== KEY_LENGTH) throw new TypeError(`a wrapped key must be ${KEY_LENGTH} bytes`);
  const head = prefix(kek.version);
  const nonce = randomBytes(NONCE_LENGTH);
  const cipher = createCipheriv('aes-256-gcm', kek.key, nonce, { authTagLength: TAG_LENGTH });
  cipher.setAAD(Buffer.concat([head, Buffer.from(context, 'utf8')]));
  return Buffer.concat([head, nonce, cipher.update(dek), cipher.final(), cipher.getAuthTag()]);
}

export function unwrapKey(kek: VersionedKey, wrapped: Buffer, context: string): Buffer {
  assertVersionedKey(kek);
  const version = wrappedKeyVersion(wrapped);
  if (version !== kek.version) {
    throw new KeyringError(`wrapped under key version ${version}, not under version ${kek.version}`);
  }
  const nonce = wrapped.subarray(PREFIX_LENGTH, PREFIX_LENGTH + NONCE_LENGTH);
  const body = wrapped.subarray(PREFIX_LENGTH + NONCE_LENGTH, PREFIX_LENGTH + NONCE_LENGTH + KEY_LENGTH);
  const decipher = createDecipheriv('aes-256-gcm', kek.key, nonce, { authTagLength: TAG_LENGTH });
  decipher.setAAD(Buffer.concat([wrapped.subarray(0, PREFIX_LENGTH), Buffer.from(context, 'utf8')]));
  decipher.setAuthTag(wrapped.subarray(WRAPPED_KEY_LENGTH - TAG_LENGTH));
  const dek = decipher.update(body);
  try {
    return Buffer.concat([dek, decipher.final()]);
  } catch {
    throw new IntegrityError('tag', 'tag mismatch in wrapped key (wrong key, wrong context or altered)');
  }
}

/** The versioned master keys with one active: new wraps use the active one, unwraps the one named in the blob. */
export class Keyring {
  private readonly keys: ReadonlyMap<number, Buffer>;

  constructor(
    keys: readonly VersionedKey[],
    readonly activeVersion: number,
  ) {
    const map = new Map<number, Buffer>();
    for (const entry of keys) {
      assertVersionedKey(entry);
      if (map.has(entry.version)) throw new KeyringError(`key version ${entry.version} is given twice`);
      map.set(entry.version, Buffer.from(entry.key));
    }
    if (!map.has(activeVersion)) throw new KeyringError(`the active key version ${activeVersion} is not configured`);
    this.keys = map;
  }

  get versions(): number[] {
    return [...this.keys.keys()].sort((a, b) => a - b);
  }

  wrapOrgKey(orgKey: Buffer, context: string): Buffer {
    return wrapKey({ version: this.activeVersion, key: this.keys.get(this.activeVersion)! }, orgKey, context);
  }

  unwrapOrgKey(wrapped: Buffer, context: string): Buffer {
    const version = wrappedKeyVersion(wrapped);
    const key = this.keys.get(version);
    if (!key) throw new MasterKeyMissingError(version);
    return unwrapKey({ version, key }, wrapped, context);
  }

  /**
   * A key for one purpose (e.g. `user-secrets`), derived by HKDF-SHA-256 from a master key version
   * (the active one unless named): what is sealed under it is resealed when that version retires.
   */
  deriveKey(purpose: string, version = this.activeVersion): VersionedKey {
    const master = this.keys.get(version);
    if (!master) throw new MasterKeyMissingError(version);
    const key = Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `deedbox/${purpose}`, KEY_LENGTH));
    return { version, key };
  }

  /** True when the wrapped key is under an older version than the active one: rotation rewraps it. */
  needsRewrap(wrapped: Buffer): boolean {
    return wrappedKeyVersion(wrapped) !== this.activeVersion;
  }
}

/**
 * Parses the master key list: `VERSION:BASE64KEY` entries separated by commas, then `;active=VERSION`
 * (optional when there is exactly one key). Every key must decode to exactly 32 bytes.
 * Example: `1:AAAA…=,2:BBBB…=;active=2`. Errors name the entry, never the key material.
 */
export function parseMasterKeys(text: string): Keyring {
  const [list = '', ...options] = text.trim().split(';');
  const problems: string[] = [];
  let active: number | undefined;
  for (const [index, option] of options.entries()) {
    const match = /^\s*active\s*=\s*(\d+)\s*$/.exec(option);
    if (match && active === undefined) active = Number(match[1]);
    else problems.push(`option ${index + 1} after ";" is not the one active=VERSION`);
  }
  const keys: VersionedKey[] = [];
  for (const [index, entry] of list.split(',').entries()) {
    const problem = parseEntry(entry.trim(), keys);
    if (problem) problems.push(`entry ${index + 1}: ${problem}`);
  }
  if (active === undefined && keys.length === 1 && problems.length === 0) active = keys[0]!.version;
  if (active === undefined) problems.push('name the active key with ;active=VERSION');
  else if (!keys.some((known) => known.version === active) && problems.length === 0) {
    problems.push(`the active key version ${active} is not in the list`);
  }
  if (problems.length > 0) throw new KeyringError(`master keys: ${problems.join('; ')}`);
  return new Keyring(keys, active!);
}

/** Adds one `VERSION:BASE64KEY` entry to keys, or says what is wrong with it (never echoing the key). */
function parseEntry(entry: string, keys: VersionedKey[]): string | undefined {
  const match = /^(\d+):([A-Za-z0-9+/_-]+)(=*)$/.exec(entry);
  if (!match) return 'not VERSION:BASE64KEY';
  const version = Number(match[1]);
  const encoded = match[2]!;
  const key = Buffer.from(encoded, 'base64');
  // Node decodes leniently; only a canonical encoding of exactly 32 bytes is a key.
  const canonical = [key.toString('base64'), key.toString('base64url')].some((e) => e.replace(/=+$/, '') === encoded);
  if (key.length !== KEY_LENGTH || !canonical) return `key version ${version} is not ${KEY_LENGTH} bytes of base64`;
  if (version < 1 || version > MAX_VERSION) return `key version ${version} is out of range`;
  if (keys.some((known) => known.version === version)) return `key version ${version} is given twice`;
  keys.push({ version, key });
  return undefined;
}

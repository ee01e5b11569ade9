import { openText, sealText } from './fields.js';
import type { Keyring } from './keyring.js';

/**
 * A person's secrets (a TOTP seed) belong to no org, so no org key seals them: they are sealed
 * (AES-256-GCM) under a key derived from the master key for "user secrets", with the user and
 * factor id as associated data, so a sealed value copied to another person or factor does not open.
 * The master key version is stored beside it; `deedbox keys rotate-master` reseals under the active one.
 */
const PURPOSE = 'user-secrets';
const context = (userId: string, factorId: string) => `deedbox/user-factor/${userId}/${factorId}`;

export interface SealedUserSecret {
  sealed: Buffer;
  masterVersion: number;
}

export function sealUserSecret(keyring: Keyring, userId: string, factorId: string, secret: string): SealedUserSecret {
  const { version, key } = keyring.deriveKey(PURPOSE);
  return { sealed: sealText(key, context(userId, factorId), secret), masterVersion: version };
}

/** Opens a sealed secret; IntegrityError when it was altered or moved, MasterKeyMissingError when its version is gone. */
export function openUserSecret(
  keyring: Keyring,
  userId: string,
  factorId: string,
  { sealed, masterVersion }: SealedUserSecret,
): string {
  return openText(keyring.deriveKey(PURPOSE, masterVersion).key, context(userId, factorId), sealed);
}

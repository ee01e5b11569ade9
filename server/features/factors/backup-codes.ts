import { randomInt } from 'node:crypto';
import { hashToken } from '../../platform/crypto/tokens.js';

export const BACKUP_CODE_COUNT = 10;
/** No 0/O, 1/I/L: codes are read off paper. 10 characters of 31 ≈ 49.5 bits each. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
const LENGTH = 10;

/** Ten fresh codes as shown to the person: `xxxxx-xxxxx`. */
export function newBackupCodes(): string[] {
  return Array.from({ length: BACKUP_CODE_COUNT }, () => {
    const chars = Array.from({ length: LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
}

/** What was typed, as stored: lower case, without spaces or dashes; null when it cannot be a code. */
export function normalizeBackupCode(input: string): string | null {
  const code = input.toLowerCase().replace(/[\s-]+/g, '');
  return code.length === LENGTH && [...code].every((c) => ALPHABET.includes(c)) ? code : null;
}

/** Stored as SHA-256 of the person's id and the code (like tokens), so equal codes of two people differ. */
export function backupCodeHash(userId: string, input: string): string | null {
  const code = normalizeBackupCode(input);
  return code === null ? null : hashToken(`${userId}:${code}`);
}

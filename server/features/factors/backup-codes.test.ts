import { describe, expect, it } from 'vitest';
import { BACKUP_CODE_COUNT, backupCodeHash, newBackupCodes, normalizeBackupCode } from './backup-codes.js';

const ALICE = '00000000-0000-4000-8000-00000000000a';
const BOB = '00000000-0000-4000-8000-00000000000b';

describe('backup codes', () => {
  it('makes ten different codes of 10 unambiguous characters', () => {
    const codes = newBackupCodes();
    expect(codes).toHaveLength(BACKUP_CODE_COUNT);
    expect(new Set(codes).size).toBe(BACKUP_CODE_COUNT);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it('reads a code however it is typed: case, spaces and dashes do not matter', () => {
    const [code] = newBackupCodes();
    const plain = code!.replace('-', '');
    for (const typed of [code!, plain, plain.toUpperCase(), ` ${plain.slice(0, 5)} ${plain.slice(5)} `]) {
      expect(normalizeBackupCode(typed)).toBe(plain);
      expect(backupCodeHash(ALICE, typed)).toBe(backupCodeHash(ALICE, code!));
    }
  });

  it('refuses what cannot be a code', () => {
    for (const bad of ['', 'abcde', 'abcde-fghjk-m', 'abcde-fghj0', 'abcde-fghji', '123456']) {
      expect(normalizeBackupCode(bad)).toBeNull();
      expect(backupCodeHash(ALICE, bad)).toBeNull();
    }
  });

  it('stores a hash bound to the person, never the code', () => {
    const [code] = newBackupCodes();
    const hash = backupCodeHash(ALICE, code!)!;
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(hash).not.toContain(code!.replace('-', ''));
    expect(backupCodeHash(BOB, code!)).not.toBe(hash);
  });
});

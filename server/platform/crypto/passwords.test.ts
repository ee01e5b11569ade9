import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './passwords.js';

describe('password hashing', () => {
  it('verifies the right password and refuses any other', async () => {
    const stored = await hashPassword('correct horse battery staple', 12);
    expect(stored).toMatch(/^scrypt\$12\$[\w-]{22}\$[\w-]{43}$/);
    expect(await verifyPassword('correct horse battery staple', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', stored)).toBe(false);
    expect(await verifyPassword('correct horse battery staple', 'bcrypt$whatever')).toBe(false);
  });

  it('salts every hash, so equal passwords do not give equal hashes', async () => {
    expect(await hashPassword('same password here', 10)).not.toBe(await hashPassword('same password here', 10));
  });

  it('treats Unicode compositions of the same text as the same password', async () => {
    const stored = await hashPassword('Grüße aus Köln 2026', 10);
    expect(await verifyPassword('Gru\u0308ße aus Ko\u0308ln 2026', stored)).toBe(true);
  });
});

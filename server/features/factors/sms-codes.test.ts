import { describe, expect, it } from 'vitest';
import { maskPhone, newSmsCode, smsCodeHash, smsWait } from './sms-codes.js';

const at = (seconds: number) => new Date(Date.UTC(2026, 0, 1, 12) + seconds * 1000);

describe('SMS codes', () => {
  it('are six digits, hashed per row under the server secret', () => {
    expect(newSmsCode()).toMatch(/^\d{6}$/);
    expect(smsCodeHash('k'.repeat(32), 'a', '123456')).not.toBe(smsCodeHash('k'.repeat(32), 'b', '123456'));
    expect(smsCodeHash('k'.repeat(32), 'a', '123456')).not.toContain('123456');
  });

  it('mask the number to its country code and last two digits', () => {
    expect(maskPhone('+491701234567')).toBe('+49 ••• ••• 67');
  });

  it('wait a minute after a text and an hour after five', () => {
    const now = at(3600);
    expect(smsWait([], now)).toBeNull();
    expect(smsWait([at(3590)], now)).toBe(50);
    expect(smsWait([at(3500)], now)).toBeNull();
    // Five in the last hour: the oldest must leave the hour first.
    expect(smsWait([at(3000), at(2000), at(1000), at(500), at(100)], now)).toBe(100);
    // Texts older than an hour do not count.
    expect(smsWait([at(3000), at(2000), at(1000), at(500), at(-10)], now)).toBeNull();
  });
});

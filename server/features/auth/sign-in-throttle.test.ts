import { describe, expect, it } from 'vitest';
import { delaySeconds, throttleFor } from './sign-in-throttle.js';

describe('sign-in throttle', () => {
  it('lets the free failures pass, then doubles the wait from 15 s up to 15 min', () => {
    expect([1, 4].map((n) => delaySeconds(n, 5))).toEqual([null, null]);
    expect([5, 6, 7, 8, 9, 10, 11, 40].map((n) => delaySeconds(n, 5))).toEqual([15, 30, 60, 120, 240, 480, 900, 900]);
  });

  it('keys the account by its address alone, however it is written, and never stores the address', () => {
    const a = throttleFor('203.0.113.1', 'Ada@Example.com ');
    expect(a).toEqual(throttleFor('203.0.113.1', 'ada@example.com'));
    expect(a.accountKey).toMatch(/^[0-9a-f]{64}$/);
    expect(throttleFor(null, 'ada@example.com').ip).toBe('unknown');
  });
});

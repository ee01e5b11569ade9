import { describe, expect, it } from 'vitest';
import { WindowCounter } from './mail-in-rate.js';

describe('WindowCounter', () => {
  it('refuses a key once its window is full, keeps other keys apart, and allows it again in the next window', () => {
    let now = 1_000;
    const counter = new WindowCounter(2, 60_000, () => now);
    expect([counter.take('a'), counter.take('a'), counter.take('a')]).toEqual([true, true, false]);
    expect(counter.take('b')).toBe(true);
    now += 59_999;
    expect(counter.take('a')).toBe(false);
    now += 1;
    expect(counter.take('a')).toBe(true);
  });

  it('forgets keys whose window has ended', () => {
    let now = 0;
    const counter = new WindowCounter(1, 1_000, () => now);
    for (let i = 0; i < 50; i++) counter.take(`ip-${i}`);
    expect(counter.size).toBe(50);
    now = 1_000;
    counter.take('late');
    expect(counter.size).toBe(1);
  });
});

import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { feedIdOf, feedToken } from './feeds.token.js';

const KEY = 'k'.repeat(32);

describe('calendar feed tokens', () => {
  it('derives the same URL-safe token every time and reads the feed id back', () => {
    const id = randomUUID();
    const token = feedToken(KEY, id);
    expect(token).toMatch(/^[A-Za-z0-9_-]{54}$/);
    expect(feedToken(KEY, id)).toBe(token);
    expect(feedIdOf(KEY, token)).toBe(id);
  });

  it('refuses altered, truncated, foreign and malformed tokens', () => {
    const id = randomUUID();
    const token = feedToken(KEY, id);
    const flip = (i: number) => token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
    for (const i of [0, 10, 20, 30, 53]) expect(feedIdOf(KEY, flip(i))).toBeNull();
    expect(feedIdOf(KEY, token.slice(0, 53))).toBeNull();
    expect(feedIdOf(KEY, `${token}A`)).toBeNull();
    expect(feedIdOf('another-secret-key-of-32-chars!!', token)).toBeNull();
    expect(feedIdOf(KEY, '')).toBeNull();
    expect(feedIdOf(KEY, `${token.slice(0, 50)}+/==`)).toBeNull();
  });
});

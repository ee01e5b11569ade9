import { describe, expect, it } from 'vitest';
import { excerpt } from './excerpt.js';

describe('excerpt', () => {
  it('keeps short text and null as they are', () => {
    expect(excerpt('short', 80)).toBe('short');
    expect(excerpt('x'.repeat(80))).toBe('x'.repeat(80));
    expect(excerpt(null)).toBeNull();
  });

  it('cuts long text to its start and an ellipsis', () => {
    expect(excerpt('x'.repeat(10_000))).toBe(`${'x'.repeat(80)}…`);
  });

  it('never leaves half of a surrogate pair at the cut, which PostgreSQL would refuse', () => {
    const cut = excerpt(`${'x'.repeat(79)}🦄🦄`);
    expect(cut).toBe(`${'x'.repeat(79)}…`);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

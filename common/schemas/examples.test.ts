import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { billingLineInput } from './billing.js';
import { contractInput } from './contracts.js';
import { partnerInput } from './partners.js';

/** The request bodies whose OpenAPI schema carries an example (`.meta({ example })`). */
const EXAMPLED: Record<string, z.ZodType> = { contractInput, billingLineInput, partnerInput };

describe('OpenAPI examples', () => {
  it.each(Object.entries(EXAMPLED))('%s: the example is valid input', (_name, schema) => {
    const example = (schema.meta() as { example?: unknown } | undefined)?.example;
    expect(example).toBeDefined();
    const parsed = schema.safeParse(example);
    expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { signUpInput } from '../../../common/schemas/auth.js';
import { categoryPatch } from '../../../common/schemas/classification.js';
import { contractInput } from '../../../common/schemas/contracts.js';
import { partnerAddress, partnerInput } from '../../../common/schemas/partners.js';
import { customEventInput } from '../../../common/schemas/reminders.js';
import { maxLengthOf } from './max-length.js';

describe('maxLengthOf', () => {
  it('reads the limit of a shared schema’s text field, so inputs stop at it as you type', () => {
    expect(maxLengthOf(categoryPatch, 'name')).toBe(120);
    expect(maxLengthOf(customEventInput.extend({ date: z.string() }), 'title')).toBe(200);
    expect(maxLengthOf(signUpInput, 'email')).toBeGreaterThan(0);
    expect(maxLengthOf(contractInput, 'title')).toBe(300);
    expect(maxLengthOf(contractInput, 'contractNumber')).toBe(80);
    expect(maxLengthOf(partnerInput, 'vatId')).toBe(40);
    expect(maxLengthOf(partnerAddress, 'postalCode')).toBe(20);
  });

  it('looks through optional, nullable, default and pipes; no limit is undefined', () => {
    const schema = z.object({
      a: z.string().max(5).optional(),
      b: z.string().max(6).nullable().default(null),
      c: z
        .string()
        .max(7)
        .transform((v) => v.trim()),
      d: z.string(),
      e: z.number().max(3),
    });
    expect(['a', 'b', 'c', 'd', 'e', 'missing'].map((name) => maxLengthOf(schema, name))).toEqual([
      5,
      6,
      7,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

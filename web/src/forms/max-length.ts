import { z } from 'zod';

type Wrapper = { innerType?: z.ZodType; in?: z.ZodType };

/** The `max` of a text field in a shared object schema (through optional, nullable, default and pipes). */
export function maxLengthOf(schema: z.ZodType, name: string): number | undefined {
  let field = (schema as { shape?: Record<string, z.ZodType> }).shape?.[name];
  for (let depth = 0; field && depth < 8; depth++) {
    if (field instanceof z.ZodString) return field.maxLength ?? undefined;
    const def = field._zod.def as Wrapper;
    field = def.innerType ?? def.in;
  }
  return undefined;
}

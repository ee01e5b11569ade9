import { z } from 'zod';
import { FIELD_KEY } from '../custom-fields.js';
import { PATTERN_FAULTS, patternFault } from '../numbering.js';
import { currencyCode } from './codes.js';
import { isoDateTime } from './common.js';
import { CATEGORY_KINDS, CUSTOM_FIELD_ENTITIES, CUSTOM_FIELD_TYPES, type CustomFieldType } from './vocabulary.js';

const name = z.string().trim().min(1).max(120);

export const category = z.object({
  id: z.uuid(),
  kind: z.enum(CATEGORY_KINDS),
  name: z.string(),
  createdAt: isoDateTime,
});
export const categoryInput = z.object({ name, kind: z.enum(CATEGORY_KINDS).default('contract') });
export const categoryPatch = z.object({ name });
export const categoryListQuery = z.object({ kind: z.enum(CATEGORY_KINDS).default('contract') });

export const orgUnit = z.object({ id: z.uuid(), name: z.string(), createdAt: isoDateTime });
export const orgUnitInput = z.object({ name });

/** Types whose values are chosen from a list of options. */
export const OPTION_TYPES: readonly CustomFieldType[] = ['dropdown', 'multi_select'];

/** Why a field type and its options do not fit together (rule, message), or null. */
export function optionsProblem(
  type: CustomFieldType,
  options: readonly string[],
): { rule: 'required' | 'forbidden' | 'unique'; message: string; value?: string } | null {
  if (!OPTION_TYPES.includes(type)) {
    return options.length ? { rule: 'forbidden', message: 'only dropdown and multi-select fields have options' } : null;
  }
  if (options.length === 0) return { rule: 'required', message: 'must list at least one option' };
  const seen = new Set<string>();
  for (const option of options) {
    if (seen.has(option.toLowerCase()))
      return { rule: 'unique', message: `"${option}" is listed twice`, value: option };
    seen.add(option.toLowerCase());
  }
  return null;
}

const label = z.string().trim().min(1).max(120);
const options = z.array(z.string().trim().min(1).max(200)).max(500);
const section = z.string().trim().min(1).max(80).nullable();

export const customField = z.object({
  id: z.uuid(),
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  key: z.string(),
  label: z.string(),
  type: z.enum(CUSTOM_FIELD_TYPES),
  options: z.array(z.string()),
  mandatory: z.boolean(),
  position: z.number().int(),
  section: z.string().nullable(),
  createdAt: isoDateTime,
});

export const customFieldInput = z
  .object({
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    label,
    key: z
      .string()
      .regex(FIELD_KEY, 'must start with a lower-case letter, then letters, digits or _ (at most 40)')
      .optional(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: options.default([]),
    mandatory: z.boolean().default(false),
    section: section.default(null),
  })
  .superRefine((value, ctx) => {
    const problem = optionsProblem(value.type, value.options);
    if (!problem) return;
    const { rule, message, value: option } = problem;
    const params = option === undefined ? { rule } : { rule, entity: 'option', value: option };
    ctx.addIssue({ code: 'custom', path: ['options'], message, params });
  });

/** `key` and `type` are accepted only unchanged: stored values depend on them. */
export const customFieldPatch = z
  .object({
    label,
    options,
    mandatory: z.boolean(),
    section,
    key: z.string().max(40),
    type: z.enum(CUSTOM_FIELD_TYPES),
  })
  .partial();

export const customFieldListQuery = z.object({ entity: z.enum(CUSTOM_FIELD_ENTITIES).default('contract') });
export const customFieldOrder = z.object({
  entity: z.enum(CUSTOM_FIELD_ENTITIES),
  ids: z.array(z.uuid()).max(500),
});

export const repositorySettings = z.object({
  currency: z.string(),
  orgUnitMandatory: z.boolean(),
  /** Contracts saved with a status other than draft need a file or link (existing ones when next saved). */
  requireAttachment: z.boolean(),
  /** null: contract numbers are free text. */
  contractNumberPattern: z.string().nullable(),
  contractNumberEditable: z.boolean(),
  /** The number the next contract would get today, or null without a pattern. */
  nextContractNumberPreview: z.string().nullable(),
});

export const repositorySettingsPatch = z
  .object({
    currency: currencyCode,
    orgUnitMandatory: z.boolean(),
    requireAttachment: z.boolean(),
    contractNumberPattern: z
      .string()
      .trim()
      .superRefine((value, ctx) => {
        const fault = patternFault(value);
        if (fault) {
          const params = { rule: 'invalid_pattern', fault };
          ctx.addIssue({ code: 'custom', message: PATTERN_FAULTS[fault], params });
        }
      })
      .nullable(),
    contractNumberEditable: z.boolean(),
  })
  .partial();

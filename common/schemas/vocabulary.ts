/** The closed vocabularies the repository's tables and API share. */
export const CATEGORY_KINDS = ['contract', 'event'] as const;
export type CategoryKind = (typeof CATEGORY_KINDS)[number];

export const CUSTOM_FIELD_ENTITIES = ['contract', 'partner'] as const;
export type CustomFieldEntity = (typeof CUSTOM_FIELD_ENTITIES)[number];

export const CUSTOM_FIELD_TYPES = [
  'text',
  'long_text',
  'number',
  'money',
  'date',
  'dropdown',
  'multi_select',
  'checkbox',
  'url',
  'user',
] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

export const BILLING_KINDS = ['cost', 'revenue'] as const;
export const BILLING_FREQUENCIES = ['one_time', 'monthly', 'quarterly', 'yearly'] as const;

export const GRID_ENTITIES = ['contract', 'partner'] as const;
export type GridEntity = (typeof GRID_ENTITIES)[number];

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const IMPORT_STATUSES = ['uploaded', 'checked', 'committed', 'failed'] as const;

import { type SQL, sql } from 'drizzle-orm';
import type { CustomFieldType } from '../../../common/schemas/vocabulary.js';

/** A custom value (in a `custom` jsonb column) as a typed SQL expression; null when absent or not of the field's type. */
export function customValueOf(column: SQL, key: string, type: CustomFieldType): SQL {
  const value = sql`${column} -> ${key}`;
  switch (type) {
    case 'number':
      return sql`(case when jsonb_typeof(${value}) = 'number' then (${value})::numeric end)`;
    case 'money':
      return sql`(case when (${value} ->> 'amount') ~ '^-?[0-9]+(\\.[0-9]+)?$' then (${value} ->> 'amount')::numeric end)`;
    case 'date':
      return sql`(case when jsonb_typeof(${value}) = 'string' then (${value} #>> '{}') end) collate "C"`;
    case 'multi_select':
      return sql`(case when jsonb_typeof(${value}) = 'array' then nullif(array_to_string(array(select jsonb_array_elements_text(${value})), ', '), '') end)`;
    default:
      return sql`(${value} #>> '{}')`;
  }
}

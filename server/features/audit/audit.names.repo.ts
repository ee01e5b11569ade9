import { type SQL, sql } from 'drizzle-orm';
import { rowsOf, type Tx } from '../../db/client.js';
import { memberName } from '../users/users.repo.js';

/** An array literal of bound parameters (drizzle would expand a JS array into a row). */
function arrayOf(values: string[]): SQL {
  return sql`array[${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )}]`;
}

export interface NamedRow {
  id: string;
  name: string;
  /** The business unit of a contract-bound row, so a reader who cannot see the unit does not learn its name. */
  unitId: string | null;
}

/**
 * Current names of the given ids, whatever table they live in. Contracts in the recycle bin
 * keep their title; events, reminders and billing lines are named after their contract.
 */
export async function currentNames(tx: Tx, orgId: string, ids: string[]): Promise<NamedRow[]> {
  if (ids.length === 0) return [];
  const list = sql`${arrayOf(ids)}::uuid[]`;
  const result = await tx.execute(sql`
    select id::text, title as name, business_unit_id::text as "unitId" from contracts where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from partners where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from categories where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from org_units where org_id = ${orgId} and id = any(${list})
    union all select id::text, label, null from custom_fields where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from business_units where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from saved_views where org_id = ${orgId} and id = any(${list})
    union all select id::text, file_name, null from imports where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from api_keys where org_id = ${orgId} and id = any(${list})
    union all select id::text, name, null from calendar_feeds where org_id = ${orgId} and id = any(${list})
    union all select id::text, display_name, null from scim_groups where org_id = ${orgId} and id = any(${list})
    union all select u.id::text, coalesce(nullif(${memberName(orgId, sql`u.id`)}, ''), u.email), null from users u
      join memberships m on m.user_id = u.id and m.org_id = ${orgId} where u.id = any(${list})
    union all select e.id::text, coalesce(e.title, c.title), c.business_unit_id::text from events e
      join contracts c on c.org_id = e.org_id and c.id = e.contract_id where e.org_id = ${orgId} and e.id = any(${list})
    union all select r.id::text, c.title, c.business_unit_id::text from reminders r
      join contracts c on c.org_id = r.org_id and c.id = r.contract_id where r.org_id = ${orgId} and r.id = any(${list})
    union all select b.id::text, c.title, c.business_unit_id::text from billing_lines b
      join contracts c on c.org_id = b.org_id and c.id = b.contract_id where b.org_id = ${orgId} and b.id = any(${list})
  `);
  return rowsOf<NamedRow>(result);
}

/**
 * For objects that no longer exist: the name the log recorded last (a deletion keeps it in
 * `data.name`/`data.title`, a creation or rename in its changes). Uses the object index.
 */
export async function recordedNames(
  tx: Tx,
  orgId: string,
  objectTypes: string[],
  ids: string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0 || objectTypes.length === 0) return [];
  const named = sql`coalesce(data->>'name', data->>'title',
    data->'changes'->'name'->>'after', data->'changes'->'title'->>'after',
    data->'changes'->'label'->>'after', data->'changes'->'name'->>'before', data->'changes'->'title'->>'before')`;
  const result = await tx.execute(sql`
    select distinct on (object_id) object_id as id, ${named} as name
    from audit_events
    where org_id = ${orgId}
      and object_type = any(${arrayOf(objectTypes)}::text[])
      and object_id = any(${arrayOf(ids)}::text[])
      and ${named} is not null
    order by object_id, seq desc
  `);
  return rowsOf<{ id: string; name: string }>(result);
}

/** Labels of the custom fields of one entity, by key. */
export async function customFieldLabels(
  tx: Tx,
  orgId: string,
  entity: string,
  keys: string[],
): Promise<{ key: string; label: string }[]> {
  if (keys.length === 0) return [];
  const result = await tx.execute(sql`
    select key, label from custom_fields
    where org_id = ${orgId} and entity = ${entity} and key = any(${arrayOf(keys)}::text[])
  `);
  return rowsOf<{ key: string; label: string }>(result);
}

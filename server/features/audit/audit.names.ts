import type { AuditEvent } from '../../../common/schemas/audit.js';
import { CUSTOM_FIELD_ENTITIES } from '../../../common/schemas/vocabulary.js';
import type { Tx } from '../../db/client.js';
import type { Actor } from '../../platform/context.js';
import { canReadUnit } from '../access/access.policy.js';
import { pseudonymsOf } from '../users/erasure.repo.js';
import type { StoredEvent } from './audit.chain.js';
import * as repo from './audit.names.repo.js';
import { presentEvent } from './audit.presenter.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Object types whose ids the log may name after the object is gone. */
const NAMED_TYPES = [
  'contract',
  'partner',
  'category',
  'org_unit',
  'custom_field',
  'business_unit',
  'saved_view',
  'import',
  'api_key',
  'calendar_feed',
  'scim_group',
  'event',
  'reminder',
  'billing_line',
];

/** Every UUID in a JSON value, as a value or as an object key (roles are keyed by unit id). */
export function idsIn(value: unknown, into = new Set<string>()): Set<string> {
  if (typeof value === 'string') {
    if (UUID.test(value)) into.add(value.toLowerCase());
  } else if (Array.isArray(value)) {
    for (const item of value) idsIn(item, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (UUID.test(key)) into.add(key.toLowerCase());
      idsIn(item, into);
    }
  }
  return into;
}

/** The custom field keys an entry's `custom` change mentions. */
export function customKeysIn(changes: AuditEvent['changes']): string[] {
  const custom = changes.custom;
  if (!custom) return [];
  const keys = new Set<string>();
  for (const side of [custom.before, custom.after]) {
    if (side && typeof side === 'object' && !Array.isArray(side)) for (const key of Object.keys(side)) keys.add(key);
  }
  return [...keys];
}

/** A name the entry itself carries: a deletion keeps it, a creation or rename has it in its changes. */
export function carriedName(event: AuditEvent, data: Record<string, unknown>): string | null {
  for (const value of [
    data.name,
    data.title,
    event.changes.name?.after,
    event.changes.title?.after,
    event.changes.label?.after,
    event.changes.displayName?.after,
    event.changes.name?.before,
    event.changes.displayName?.before,
    event.changes.title?.before,
  ]) {
    if (typeof value === 'string' && value) return value;
  }
  return null;
}

type Named = { event: AuditEvent; data: Record<string, unknown>; subjectId: string | null };

/** The people of an entry whose personal row was erased: only their ids remain. */
function unnamedPeople({ event, subjectId }: Named): { actorId: string | null; subjectId: string | null } {
  const actor = event.actor;
  const actorGone = actor.type === 'user' && actor.id !== null && actor.name === null && actor.email === null;
  const subjectGone = subjectId !== null && event.subject?.name === null && event.subject.email === null;
  return { actorId: actorGone ? actor.id : null, subjectId: subjectGone ? subjectId : null };
}

/**
 * Adds the names of everything the entries mention, resolved on the server so the UI never
 * shows an id. Only the presentation changes; the chained content stays as it was hashed.
 */
export async function withNames(tx: Tx, orgId: string, actor: Actor, entries: Named[]): Promise<AuditEvent[]> {
  const ids = new Set<string>();
  for (const { event } of entries) {
    if (event.objectId && UUID.test(event.objectId)) ids.add(event.objectId.toLowerCase());
    idsIn(event.changes, ids);
  }
  const names = new Map<string, string>();
  const hidden = new Set<string>();
  for (const row of await repo.currentNames(tx, orgId, [...ids])) {
    if (row.unitId === null || canReadUnit(actor, row.unitId)) names.set(row.id, row.name);
    else hidden.add(row.id);
  }
  // Hidden objects stay unnamed: the log's recorded name would tell what the unit hides.
  const missing = [...ids].filter((id) => !names.has(id) && !hidden.has(id));
  for (const row of await repo.recordedNames(tx, orgId, NAMED_TYPES, missing)) names.set(row.id, row.name);
  const labels = await customLabels(tx, orgId, entries);
  // Erased people go by their pseudonym; someone merely mentioned in an erased entry by their current name.
  const people = new Set(entries.flatMap((e) => Object.values(unnamedPeople(e)).filter((id) => id !== null)));
  const pseudonyms = await pseudonymsOf(tx, orgId, [...new Set([...ids, ...people])]);
  const members = new Map(
    (
      await repo.currentNames(
        tx,
        orgId,
        [...people].filter((id) => !pseudonyms.has(id)),
      )
    ).map((r) => [r.id, r.name]),
  );
  const personName = (id: string | null) => (id ? (pseudonyms.get(id) ?? members.get(id) ?? null) : null);
  return entries.map((entry) => {
    const { event, data } = entry;
    const own = new Set<string>();
    idsIn(event.changes, own);
    const objectId = event.objectId?.toLowerCase() ?? '';
    const gone = unnamedPeople(entry);
    return {
      ...event,
      actor: gone.actorId ? { ...event.actor, name: personName(gone.actorId) } : event.actor,
      subject: gone.subjectId ? { name: personName(gone.subjectId), email: null } : event.subject,
      objectName: names.get(objectId) ?? pseudonyms.get(objectId) ?? carriedName(event, data),
      names: Object.fromEntries([...own].flatMap((id) => (names.has(id) ? [[id, names.get(id)!]] : []))),
      fieldLabels: Object.fromEntries(
        customKeysIn(event.changes).flatMap((key) => {
          const label = labels.get(`${event.objectType}:${key}`);
          return label ? [[key, label]] : [];
        }),
      ),
    };
  });
}

async function customLabels(tx: Tx, orgId: string, entries: Named[]): Promise<Map<string, string>> {
  const labels = new Map<string, string>();
  for (const entity of CUSTOM_FIELD_ENTITIES) {
    const keys = new Set(
      entries.filter(({ event }) => event.objectType === entity).flatMap(({ event }) => customKeysIn(event.changes)),
    );
    for (const row of await repo.customFieldLabels(tx, orgId, entity, [...keys])) {
      labels.set(`${entity}:${row.key}`, row.label);
    }
  }
  return labels;
}

/** Stored entries as the API shows them, with names. */
export function presentNamed(tx: Tx, orgId: string, actor: Actor, rows: StoredEvent[]): Promise<AuditEvent[]> {
  return withNames(
    tx,
    orgId,
    actor,
    rows.map((row) => ({ event: presentEvent(row), data: row.data, subjectId: row.subjectId })),
  );
}

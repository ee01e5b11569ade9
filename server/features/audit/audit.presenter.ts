import type { AuditEvent } from '../../../common/schemas/audit.js';
import { spreadsheetText } from '../../../common/spreadsheet-text.js';
import type { StoredEvent } from './audit.chain.js';

type Changes = AuditEvent['changes'];

export function presentEvent(e: StoredEvent): AuditEvent {
  const p = (e.personal?.content ?? {}) as Record<string, unknown>;
  const str = (key: string) => (typeof p[key] === 'string' ? (p[key] as string) : null);
  const data = e.data as { changes?: Changes };
  return {
    id: e.id,
    seq: e.seq,
    occurredAt: e.occurredAt,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    actor: {
      type: e.actorType as AuditEvent['actor']['type'],
      id: e.actorId,
      name: str('actorName'),
      email: str('actorEmail'),
    },
    ip: str('ip'),
    userAgent: str('userAgent'),
    changes: { ...(data.changes ?? {}), ...((p.changes as Changes | undefined) ?? {}) },
    subject: e.subjectId ? { name: str('subjectName'), email: str('subjectEmail') } : null,
    objectName: null,
    names: {},
    fieldLabels: {},
    hash: e.hash,
    prevHash: e.prevHash,
  };
}

const CSV_COLUMNS = [
  'seq',
  'occurredAt',
  'action',
  'objectType',
  'objectId',
  'actorType',
  'actorId',
  'actorName',
  'actorEmail',
  'ip',
  'userAgent',
  'subjectName',
  'subjectEmail',
  'changes',
  'prevHash',
  'hash',
] as const;

/** Quotes a cell and defuses spreadsheet formulas (see spreadsheetText). */
function csvCell(value: unknown): string {
  const raw = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);
  const text = spreadsheetText(raw);
  return /[",\r\n]/.test(text) || text.startsWith("'") ? `"${text.replaceAll('"', '""')}"` : text;
}

export const csvHeader = `${CSV_COLUMNS.join(',')}\r\n`;

export function csvRow(e: AuditEvent): string {
  const flat: Record<(typeof CSV_COLUMNS)[number], unknown> = {
    seq: e.seq,
    occurredAt: e.occurredAt,
    action: e.action,
    objectType: e.objectType,
    objectId: e.objectId,
    actorType: e.actor.type,
    actorId: e.actor.id,
    actorName: e.actor.name,
    actorEmail: e.actor.email,
    ip: e.ip,
    userAgent: e.userAgent,
    subjectName: e.subject?.name,
    subjectEmail: e.subject?.email,
    changes: Object.keys(e.changes).length ? e.changes : '',
    prevHash: e.prevHash,
    hash: e.hash,
  };
  return `${CSV_COLUMNS.map((c) => csvCell(flat[c])).join(',')}\r\n`;
}

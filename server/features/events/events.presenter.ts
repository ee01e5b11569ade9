import type { CalendarEvent, EventType } from '../../../common/schemas/reminders.js';
import type { EventRow } from './events.repo.js';

/** System events are named by their type; the web app translates by type, feeds and mails use these. */
export const SYSTEM_EVENT_TITLES: Record<Exclude<EventType, 'custom'>, string> = {
  start: 'Start',
  end: 'End',
  notice_deadline: 'Notice deadline',
  renewal: 'Renewal',
};

export function eventTitle(type: EventType, title: string | null): string {
  return type === 'custom' ? (title ?? '') : SYSTEM_EVENT_TITLES[type];
}

export function presentEvent(row: EventRow): CalendarEvent {
  return {
    id: row.id,
    contractId: row.contractId,
    contractTitle: row.contractTitle,
    contractNumber: row.contractNumber,
    partnerName: row.partnerName,
    type: row.type,
    date: row.date,
    title: eventTitle(row.type, row.title),
    description: row.description,
    categoryId: row.categoryId ?? row.contractCategoryId,
    orgUnitId: row.orgUnitId,
    ownerId: row.ownerId,
    businessUnitId: row.businessUnitId,
    reminderCount: row.reminderCount,
  };
}

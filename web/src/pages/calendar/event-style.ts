import type { CSSProperties } from 'react';
import { EVENT_TYPES, type EventType } from '../../../../common/schemas/reminders.js';
import type { MessageKey } from '../../i18n/en.js';
import type { Translate } from '../../i18n/translate.js';
import type { CalendarEvent } from './use-calendar.js';

export { EVENT_TYPES };

export const TYPE_COLOR: Record<EventType, string> = {
  notice_deadline: 'red',
  end: 'orange',
  renewal: 'blue',
  start: 'green',
  custom: 'gray',
};

export function typeLabel(t: Translate, type: EventType): string {
  return t(`calendar.type.${type}` as MessageKey);
}

/** What a chip says: the contract for its lifecycle dates, the event's own title otherwise. */
export function eventTitle(event: CalendarEvent): string {
  return event.type === 'custom' ? event.title : event.contractTitle;
}

/** Mantine's light variant of the type's colour, set as CSS variables for calendar.module.css. */
export function chipStyle(type: EventType): CSSProperties {
  const color = TYPE_COLOR[type];
  return {
    '--chip-bg': `var(--mantine-color-${color}-light)`,
    '--chip-fg': `var(--mantine-color-${color}-light-color)`,
    '--chip-bar': `var(--mantine-color-${color}-filled)`,
  } as CSSProperties;
}

/** Events by date, each day's sorted by importance (deadline first) then title. */
export function byDate(events: CalendarEvent[]): Map<string, CalendarEvent[]> {
  const order = (type: EventType) => ['notice_deadline', 'end', 'renewal', 'start', 'custom'].indexOf(type);
  const map = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    if (!event.date) continue;
    const list = map.get(event.date) ?? [];
    list.push(event);
    map.set(event.date, list);
  }
  for (const list of map.values()) {
    list.sort((a, b) => order(a.type) - order(b.type) || eventTitle(a).localeCompare(eventTitle(b)));
  }
  return map;
}

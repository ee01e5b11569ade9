import type { DeliveryStatus, EventType, Repeat } from '../../../../common/schemas/reminders.js';
import type { Translate } from '../../i18n/translate.js';

/** The lead times offered with one click; any other day count can be typed. */
export const LEAD_PRESETS = [90, 60, 30, 14, 7, 0] as const;

export type ReminderState = 'active' | 'acknowledged' | 'dismissed' | 'inactive';

export const STATE_COLOR: Record<ReminderState, string> = {
  active: 'blue',
  acknowledged: 'teal',
  dismissed: 'gray',
  inactive: 'gray',
};

export const DELIVERY_COLOR: Record<DeliveryStatus, string> = {
  queued: 'gray',
  held: 'violet',
  sending: 'blue',
  retrying: 'yellow',
  sent: 'teal',
  failed: 'red',
  bounced: 'red',
};

/** "90 days before", "1 day before", "on the day". */
export function leadTimeLabel(t: Translate, days: number): string {
  if (days === 0) return t('reminder.lead.onTheDay');
  return t(days === 1 ? 'reminder.lead.one' : 'reminder.lead.other', { count: days });
}

export function repeatLabel(t: Translate, repeat: Repeat): string {
  return t(`reminder.repeat.${repeat}`);
}

export function eventTypeLabel(t: Translate, type: Exclude<EventType, 'custom'>): string {
  return t(`reminder.eventType.${type}`);
}

/** Newest lead times first, as the server stores them. */
export function sortLeadTimes(days: number[]): number[] {
  return [...new Set(days)].sort((a, b) => b - a);
}

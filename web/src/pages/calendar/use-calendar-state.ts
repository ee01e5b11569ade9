import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { EVENT_TYPES, type EventType } from '../../../../common/schemas/reminders.js';
import { type IsoDate, isValidDate } from '../../../../common/terms/dates.js';
import { type CalendarView, VIEWS } from './calendar-dates.js';
import type { EventFilters } from './use-calendar.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERS = ['categoryId', 'orgUnitId', 'ownerId'] as const;
export type FilterName = (typeof FILTERS)[number];

export interface CalendarState {
  view: CalendarView;
  anchor: IsoDate;
  filters: EventFilters;
  /** Empty: every type. */
  types: EventType[];
}

/** View, period and filters live in the address, so a calendar can be bookmarked and shared. */
export function useCalendarState(today: IsoDate) {
  const [params, setParams] = useSearchParams();
  const view = VIEWS.find((v) => v === params.get('view')) ?? 'month';
  const date = params.get('date');
  const filters: EventFilters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value && UUID.test(value)) filters[name] = value;
  }
  const types = (params.get('types') ?? '')
    .split(',')
    .filter((t): t is EventType => EVENT_TYPES.includes(t as EventType));
  const state: CalendarState = { view, anchor: date && isValidDate(date) ? date : today, filters, types };

  const update = useCallback(
    (patch: Record<string, string | null>) =>
      setParams(
        (previous) => {
          const next = new URLSearchParams(previous);
          for (const [key, value] of Object.entries(patch)) {
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );

  return {
    ...state,
    active: Object.keys(filters).length > 0 || types.length > 0,
    setView: (next: CalendarView) => update({ view: next === 'month' ? null : next }),
    setAnchor: (next: IsoDate) => update({ date: next === today ? null : next }),
    setFilter: (name: FilterName, value: string | null) => update({ [name]: value }),
    setTypes: (next: EventType[]) =>
      update({ types: next.length === 0 || next.length === EVENT_TYPES.length ? null : next.join(',') }),
    clear: () => update({ categoryId: null, orgUnitId: null, ownerId: null, types: null }),
  };
}

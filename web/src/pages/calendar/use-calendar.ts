import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { category } from '../../../../common/schemas/classification.js';
import { calendarEvent, calendarFeed } from '../../../../common/schemas/reminders.js';
import { api } from '../../api/client.js';
import { categoriesKey } from '../../api/keys.js';
import type { Range } from './calendar-dates.js';

export type CalendarEvent = z.output<typeof calendarEvent>;
export type CalendarFeed = z.output<typeof calendarFeed>;

/** The most events one view asks for; the server's own limit. */
export const EVENT_LIMIT = 2000;

export const eventsKey = ['events'] as const;
const feedsKey = ['calendar-feeds'] as const;

export interface EventFilters {
  categoryId?: string;
  orgUnitId?: string;
  ownerId?: string;
}

/** Events of every type in the range; the type filter works in the browser, so switching it costs no request. */
export function useCalendarEvents(range: Range, filters: EventFilters) {
  return useQuery({
    queryKey: [...eventsKey, 'calendar', range.from, range.to, filters],
    queryFn: async () =>
      (
        await api.get('/events', z.object({ items: z.array(calendarEvent) }), {
          from: range.from,
          to: range.to,
          limit: EVENT_LIMIT,
          ...filters,
        })
      ).items,
    placeholderData: keepPreviousData,
  });
}

/** Contract and event categories together: an event's category is its own, else its contract's. */
export function useAllCategories() {
  return useQuery({
    queryKey: [...categoriesKey, 'all-kinds'],
    queryFn: async () => {
      const list = z.object({ items: z.array(category) });
      const [contract, event] = await Promise.all([
        api.get('/categories', list, { kind: 'contract' }),
        api.get('/categories', list, { kind: 'event' }),
      ]);
      return { contract: contract.items, event: event.items };
    },
  });
}

export function useCalendarFeeds(enabled: boolean) {
  return useQuery({
    queryKey: feedsKey,
    queryFn: async () => (await api.get('/calendar/feeds', z.object({ items: z.array(calendarFeed) }))).items,
    enabled,
  });
}

export function useCreateCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post('/calendar/feeds', { name }, calendarFeed),
    onSuccess: () => client.invalidateQueries({ queryKey: feedsKey }),
  });
}

export function useRevokeCalendarFeed() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/calendar/feeds/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: feedsKey }),
  });
}

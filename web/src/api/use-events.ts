import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { calendarEvent, type customEventInput, type customEventPatch } from '../../../common/schemas/reminders.js';
import { api } from './client.js';
import { categoriesKey, contractsKey } from './keys.js';

export type CalendarEvent = z.output<typeof calendarEvent>;
export type CustomEventInput = z.input<typeof customEventInput>;
export type CustomEventPatch = z.input<typeof customEventPatch>;

/** Under the contract's key, so a saved contract (whose dates move its events) refreshes them too. */
export const contractEventsKey = (contractId: string) => [...contractsKey, 'events', contractId] as const;
export const contractRemindersKey = (contractId: string) => [...contractsKey, 'reminders', contractId] as const;

export function useContractEvents(contractId: string) {
  return useQuery({
    queryKey: contractEventsKey(contractId),
    queryFn: async () =>
      (await api.get(`/contracts/${contractId}/events`, z.object({ items: z.array(calendarEvent) }))).items,
  });
}

/** An event change may move or drop its reminders, so both lists reload. */
function useEventMutation<I, O>(contractId: string, mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: contractEventsKey(contractId) }),
        client.invalidateQueries({ queryKey: contractRemindersKey(contractId) }),
      ]),
  });
}

export function useCreateEvent(contractId: string) {
  return useEventMutation(contractId, (input: CustomEventInput) =>
    api.post(`/contracts/${contractId}/events`, input, calendarEvent),
  );
}

export function useUpdateEvent(contractId: string) {
  return useEventMutation(contractId, ({ id, ...patch }: CustomEventPatch & { id: string }) =>
    api.patch(`/events/${id}`, patch, calendarEvent),
  );
}

export function useDeleteEvent(contractId: string) {
  return useEventMutation(contractId, (eventId: string) => api.delete(`/events/${eventId}`));
}

const category = z.object({ id: z.uuid(), name: z.string() });

/** Categories meant for events (the calendar's), offered beside the contract categories. */
export function useEventCategories() {
  return useQuery({
    queryKey: [...categoriesKey, 'event'],
    queryFn: async () =>
      (await api.get('/categories', z.object({ items: z.array(category) }), { kind: 'event' })).items,
    staleTime: 60_000,
  });
}

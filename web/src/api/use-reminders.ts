import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type DefaultReminder,
  delivery,
  type REMINDER_ACTIONS,
  type ReminderInput,
  type ReminderPatch,
  reminder,
  reminderPreferences,
  reminderSettingsOutput,
  type reminderSettingsPatch,
} from '../../../common/schemas/reminders.js';
import { api } from './client.js';
import { contractEventsKey, contractRemindersKey } from './use-events.js';

export type Reminder = z.output<typeof reminder>;
export type Delivery = z.output<typeof delivery>;
export type ReminderSettings = z.output<typeof reminderSettingsOutput>;
export type ReminderSettingsPatch = z.input<typeof reminderSettingsPatch>;
export type ReminderAction = (typeof REMINDER_ACTIONS)[number];
export type { DefaultReminder, ReminderInput, ReminderPatch };

export const reminderSettingsKey = ['settings', 'reminders'] as const;
const preferencesKey = ['me', 'reminder-preferences'] as const;

export function useContractReminders(contractId: string) {
  return useQuery({
    queryKey: contractRemindersKey(contractId),
    queryFn: async () =>
      (await api.get(`/contracts/${contractId}/reminders`, z.object({ items: z.array(reminder) }))).items,
  });
}

/** Reminders change the event's reminder count too, so both lists reload. */
function useReminderMutation<I, O>(contractId: string, mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: contractRemindersKey(contractId) }),
        client.invalidateQueries({ queryKey: contractEventsKey(contractId) }),
      ]),
  });
}

export function useCreateReminder(contractId: string) {
  return useReminderMutation(contractId, ({ eventId, ...input }: ReminderInput & { eventId: string }) =>
    api.post(`/events/${eventId}/reminders`, input, reminder),
  );
}

export function useUpdateReminder(contractId: string) {
  return useReminderMutation(contractId, ({ id, ...patch }: ReminderPatch & { id: string }) =>
    api.patch(`/reminders/${id}`, patch, reminder),
  );
}

export function useReminderAction(contractId: string) {
  return useReminderMutation(contractId, ({ id, action }: { id: string; action: ReminderAction }) =>
    api.patch(`/reminders/${id}`, { action }, reminder),
  );
}

export function useDeleteReminder(contractId: string) {
  return useReminderMutation(contractId, (id: string) => api.delete(`/reminders/${id}`));
}

export function useDeliveries(reminderId: string | null) {
  return useQuery({
    queryKey: ['reminders', reminderId, 'deliveries'],
    queryFn: async () =>
      (await api.get(`/reminders/${reminderId}/deliveries`, z.object({ items: z.array(delivery) }))).items,
    enabled: reminderId !== null,
  });
}

export function useReminderSettings(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: reminderSettingsKey,
    queryFn: () => api.get('/settings/reminders', reminderSettingsOutput),
    staleTime: 60_000,
    ...options,
  });
}

export function useUpdateReminderSettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (patch: ReminderSettingsPatch) => api.patch('/settings/reminders', patch, reminderSettingsOutput),
    onSuccess: (saved) => client.setQueryData(reminderSettingsKey, saved),
  });
}

export function useReminderPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    queryFn: () => api.get('/me/reminder-preferences', reminderPreferences),
  });
}

export function useUpdateReminderPreferences() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { digest: boolean }) => api.put('/me/reminder-preferences', input, reminderPreferences),
    onSuccess: (saved) => client.setQueryData(preferencesKey, saved),
  });
}

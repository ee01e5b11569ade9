import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type Dashboard, dashboard } from '../../../../common/schemas/dashboard.js';
import { reminder } from '../../../../common/schemas/reminders.js';
import { api } from '../../api/client.js';
import { contractsKey } from '../../api/keys.js';

export type { Dashboard };

/** Under the contracts key, so any change to a contract refreshes the start page too. */
const dashboardKey = [...contractsKey, 'dashboard'] as const;

export function useDashboard() {
  return useQuery({ queryKey: dashboardKey, queryFn: () => api.get('/dashboard', dashboard) });
}

/** "I'm on it": stops escalation of the reminders for their event's current date. */
export function useAcknowledgeReminders() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reminderIds: string[]) =>
      Promise.all(reminderIds.map((id) => api.patch(`/reminders/${id}`, { action: 'acknowledge' }, reminder))),
    onSuccess: () => client.invalidateQueries({ queryKey: dashboardKey }),
  });
}

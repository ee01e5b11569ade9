import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { reminderLinkInfo } from '../../../../common/schemas/reminders.js';
import { isApiError } from '../../api/api-error.js';
import { api } from '../../api/client.js';

const linkKey = (token: string) => ['reminder-link', token] as const;
const path = (token: string) => `/reminder-links/${encodeURIComponent(token)}`;

/** What the link would do; reading it changes nothing. */
export function useReminderLink(token: string) {
  return useQuery({ queryKey: linkKey(token), queryFn: () => api.get(path(token), reminderLinkInfo) });
}

export function useConfirmReminderLink(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(path(token), {}, reminderLinkInfo),
    onSuccess: (info) => client.setQueryData(linkKey(token), info),
    // Gone: the reminder moved or ended since the page opened; read which.
    onError: (error) => {
      if (isApiError(error) && error.status === 410) void client.invalidateQueries({ queryKey: linkKey(token) });
    },
  });
}

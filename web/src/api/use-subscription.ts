import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountAccess, subscription } from '../../../common/schemas/subscriptions.js';
import { api } from './client.js';
import { accountAccessKey, subscriptionKey } from './keys.js';

export type Subscription = z.output<typeof subscription>;
export type AccountAccess = z.output<typeof accountAccess>;

/** Settings → Subscription (administrators). */
export function useSubscription() {
  return useQuery({ queryKey: subscriptionKey, queryFn: () => api.get('/subscription', subscription) });
}

/** Whether the account is read-only, for the banner every member sees. */
export function useAccountAccess() {
  return useQuery({
    queryKey: accountAccessKey,
    queryFn: () => api.get('/subscription/access', accountAccess),
    staleTime: 60_000,
  });
}

function useSubscriptionAction(path: '/subscription/cancel' | '/subscription/reactivate', body?: unknown) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(path, body, subscription),
    onSuccess: (data) => {
      client.setQueryData(subscriptionKey, data);
      void client.invalidateQueries({ queryKey: accountAccessKey });
    },
  });
}

export const useCancelSubscription = () => useSubscriptionAction('/subscription/cancel', { confirm: true });
export const useReactivateSubscription = () => useSubscriptionAction('/subscription/reactivate');

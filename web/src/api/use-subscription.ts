import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { accountAccess, type DeletionRequestInput, subscription } from '../../../common/schemas/subscriptions.js';
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

/** Ask for the whole account's deletion (password and the account's name), or take the request back. */
export function useDeletionRequest() {
  const client = useQueryClient();
  const onSuccess = (data: Subscription) => client.setQueryData(subscriptionKey, data);
  return {
    request: useMutation({
      mutationFn: (input: DeletionRequestInput) => api.post('/subscription/deletion-request', input, subscription),
      onSuccess,
    }),
    cancel: useMutation({
      mutationFn: () => api.delete('/subscription/deletion-request'),
      onSuccess: () => client.invalidateQueries({ queryKey: subscriptionKey }),
    }),
  };
}

import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError, isUnauthenticated } from './api-error.js';
import { accountAccessKey, meKey } from './keys.js';

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  const client: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error) => forgetSessionOn(error) }),
    mutationCache: new MutationCache({
      onError: (error) => {
        forgetSessionOn(error);
        // The account turned read-only meanwhile: the banner says so from now on.
        if (isApiError(error, 'account_read_only')) void client.invalidateQueries({ queryKey: accountAccessKey });
      },
    }),
    defaultOptions: {
      queries: { retry: shouldRetry, staleTime: 15_000, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });

  /** A 401 anywhere means the session ended; the signed-in area then sends the user to sign in. */
  function forgetSessionOn(error: unknown) {
    if (!isUnauthenticated(error) || isApiError(error, 'invalid_credentials')) return;
    if (client.getQueryData(meKey)) client.setQueryData(meKey, null);
  }

  return client;
}

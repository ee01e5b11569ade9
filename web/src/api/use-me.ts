import { type QueryClient, useQuery } from '@tanstack/react-query';
import { type Me, meOutput } from '../../../common/schemas/auth.js';
import { isUnauthenticated } from './api-error.js';
import { api } from './client.js';
import { rememberCsrfToken } from './csrf.js';
import { meKey } from './keys.js';

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api.get('/me', meOutput);
    rememberCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

/** `null` means "not signed in"; an error means the server could not be asked. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

/** For pages inside the signed-in area, which only renders once /me answered. */
export function useCurrentMe(): Me {
  const { data } = useMe();
  if (!data) throw new Error('useCurrentMe used outside the signed-in area');
  return data;
}

export function storeMe(client: QueryClient, me: Me): void {
  rememberCsrfToken(me.csrfToken);
  client.setQueryData(meKey, me);
}

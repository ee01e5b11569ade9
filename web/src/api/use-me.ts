import { type QueryClient, useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { type Me, meOutput } from '../../../common/schemas/auth.js';
import { isUnauthenticated } from './api-error.js';
import { api } from './client.js';
import { rememberCsrfToken } from './csrf.js';
import { meKey } from './keys.js';

/** A browser session always has a person behind it; API-key callers do not use the web app. */
export type SessionMe = Me & { user: NonNullable<Me['user']> };

function asSessionMe(me: Me): SessionMe | null {
  return me.user ? { ...me, user: me.user } : null;
}

async function fetchMe(): Promise<SessionMe | null> {
  try {
    const me = await api.get('/me', meOutput);
    rememberCsrfToken(me.csrfToken);
    return asSessionMe(me);
  } catch (error) {
    if (isUnauthenticated(error)) return null;
    throw error;
  }
}

/** `null` means "not signed in"; an error means the server could not be asked. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 60_000 });
}

const CurrentMeContext = createContext<SessionMe | null>(null);

/** The signed-in area provides the person once /me answered; pages below never see "not signed in". */
export const CurrentMeProvider = CurrentMeContext.Provider;

export function useCurrentMe(): SessionMe {
  const me = useContext(CurrentMeContext);
  if (!me) throw new Error('useCurrentMe used outside the signed-in area');
  return me;
}

export function storeMe(client: QueryClient, me: Me): void {
  rememberCsrfToken(me.csrfToken);
  client.setQueryData(meKey, asSessionMe(me));
}

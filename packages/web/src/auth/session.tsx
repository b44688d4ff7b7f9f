import type { Permission } from '@fangkong/core';
import { type QueryClient, useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, type ReactNode, useContext, useEffect } from 'react';
import { api, setCsrfToken, setUnauthenticatedHandler, unwrap } from '../api/client.ts';
import type { Me } from '../api/types.ts';

export const ME_KEY = ['auth', 'me'] as const;

/** The signed-in user, or null when there is no valid session (401 is an answer here, not an error). */
export async function fetchMe(): Promise<Me | null> {
  const { data, response } = await api.GET('/api/auth/me');
  if (response.status === 401) return null;
  if (!data) throw new Error(`GET /api/auth/me: HTTP ${response.status}`);
  setCsrfToken(data.csrfToken);
  return data;
}

/** Signs in, keeps the CSRF token, drops every cached answer of the previous user and caches the new one. */
export async function signIn(queryClient: QueryClient, credentials: { username: string; password: string }): Promise<Me | null> {
  const { csrfToken } = await unwrap(api.POST('/api/auth/login', { body: credentials }));
  setCsrfToken(csrfToken);
  queryClient.clear();
  const me = await fetchMe();
  queryClient.setQueryData(ME_KEY, me);
  return me;
}

export function useMeQuery() {
  const queryClient = useQueryClient();
  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      queryClient.setQueryData(ME_KEY, null);
    });
  }, [queryClient]);
  return useQuery({ queryKey: ME_KEY, queryFn: fetchMe, retry: false, staleTime: 5 * 60_000 });
}

export interface Session {
  me: Me;
  can: (permission: Permission) => boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ me, children }: { me: Me; children: ReactNode }) {
  const can = (permission: Permission) => me.permissions.includes(permission);
  return <SessionContext value={{ me, can }}>{children}</SessionContext>;
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

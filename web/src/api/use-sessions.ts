import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { contractAccessOutput } from '../../../common/schemas/access.js';
import { auditEvent } from '../../../common/schemas/audit.js';
import { page } from '../../../common/schemas/common.js';
import {
  endedOutput,
  endSessionLinkOutput,
  type sessionOutput,
  sessionsOutput,
} from '../../../common/schemas/sessions.js';
import { api } from './client.js';
import { rememberCsrfToken } from './csrf.js';
import { contractsKey, meKey } from './keys.js';

export type MySession = z.output<typeof sessionOutput>;

const sessionsKey = ['my-sessions'] as const;

export function useMySessions() {
  return useQuery({ queryKey: sessionsKey, queryFn: () => api.get('/me/sessions', sessionsOutput) });
}

export function useEndSession() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/me/sessions/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

export function useSignOutOthers() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/me/sessions/sign-out-others', undefined, endedOutput),
    onSuccess: () => client.invalidateQueries({ queryKey: sessionsKey }),
  });
}

/** Ends this session too: the browser forgets everything of it, as signing out does. */
export function useSignOutEverywhere() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/me/sessions/sign-out-everywhere', undefined, endedOutput),
    onSuccess: () => {
      rememberCsrfToken(null);
      client.setQueryData(meKey, null);
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}

export function useEndMemberSessions() {
  return useMutation({
    mutationFn: (userId: string) => api.post(`/users/${userId}/sessions/end`, undefined, endedOutput),
  });
}

export function useContractAccess(contractId: string) {
  return useQuery({
    queryKey: [...contractsKey, 'access', contractId],
    queryFn: () => api.get(`/contracts/${contractId}/access`, contractAccessOutput),
  });
}

export function useEndSessionLink() {
  return useMutation({
    mutationFn: (token: string) => api.post('/auth/end-session', { token }, endSessionLinkOutput),
  });
}

/** The person's latest account and session events in this account (their own security log). */
export function useMyActivity() {
  return useQuery({
    queryKey: [...sessionsKey, 'activity'],
    queryFn: () => api.get('/me/activity', page(auditEvent), { limit: 20 }),
  });
}

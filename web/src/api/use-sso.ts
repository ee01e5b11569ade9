import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type SsoConnectionInput,
  ssoDomain,
  type ssoEnforcementInput,
  ssoSettings,
  ssoStartOutput,
} from '../../../common/schemas/sso.js';
import { api } from './client.js';
import { ssoSettingsKey } from './keys.js';

export function useSsoSettings() {
  return useQuery({ queryKey: ssoSettingsKey, queryFn: () => api.get('/settings/sso', ssoSettings) });
}

function useSsoMutation<I>(mutationFn: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: ssoSettingsKey }) });
}

export const useSaveSsoConnection = () =>
  useSsoMutation((input: SsoConnectionInput) => api.put('/settings/sso/connection', input, ssoSettings));
export const useRemoveSsoConnection = () => useSsoMutation(() => api.delete('/settings/sso/connection'));
export const useSsoEnforcement = () =>
  useSsoMutation((input: z.input<typeof ssoEnforcementInput>) =>
    api.put('/settings/sso/enforcement', input, ssoSettings),
  );
export const useAddSsoDomain = () =>
  useSsoMutation((domain: string) => api.post('/settings/sso/domains', { domain }, ssoDomain));
export const useRemoveSsoDomain = () => useSsoMutation((id: string) => api.delete(`/settings/sso/domains/${id}`));

/** Asks where the address signs in; the browser then goes to its identity provider. */
export function useStartSso() {
  return useMutation({ mutationFn: (email: string) => api.post('/auth/sso/start', { email }, ssoStartOutput) });
}

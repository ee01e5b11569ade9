import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { meOutput } from '../../../common/schemas/auth.js';
import {
  backupCodesOutput,
  confirmTotpOutput,
  factorsOutput,
  secondFactorStep,
  securitySettings,
  totpEnrolment,
} from '../../../common/schemas/factors.js';
import { api } from './client.js';
import { rememberCsrfToken } from './csrf.js';
import { factorsKey, meKey, securitySettingsKey, usersKey } from './keys.js';
import { storeMe } from './use-me.js';

/** A sign-in answers the person, or (202) that a code is due first. */
export const signInAnswer = z.union([meOutput, secondFactorStep]);
export type SecondFactorStep = z.infer<typeof secondFactorStep>;

/** Keeps the pending sign-in's CSRF token, so the code can be sent. */
export function isSecondFactorStep(answer: z.infer<typeof signInAnswer>): answer is SecondFactorStep {
  if (!('secondFactor' in answer)) return false;
  rememberCsrfToken(answer.csrfToken);
  return true;
}

export function useSecondFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: 'totp' | 'sms' | 'backup_code'; code: string }) =>
      api.post('/auth/second-factor', input, meOutput),
    onSuccess: (me) => storeMe(client, me),
  });
}

export function useFactors() {
  return useQuery({ queryKey: factorsKey, queryFn: () => api.get('/me/factors', factorsOutput) });
}

export function useStartTotp() {
  return useMutation({ mutationFn: () => api.post('/me/factors/totp', {}, totpEnrolment) });
}

/**
 * Confirming may turn an enrolment-only session into a full one; /me is asked again only once the
 * person has closed the backup codes (`useRefreshMe`), or the page would change under them.
 */
export function useConfirmTotp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, code }: { id: string; code: string }) =>
      api.post(`/me/factors/totp/${id}/confirm`, { code }, confirmTotpOutput),
    onSuccess: () => client.invalidateQueries({ queryKey: factorsKey }),
  });
}

export function useRefreshMe() {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: meKey });
}

export function useRemoveFactor() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, password }: { id: string; password: string }) => api.delete(`/me/factors/${id}`, { password }),
    onSuccess: () => client.invalidateQueries({ queryKey: factorsKey }),
  });
}

export function useRegenerateBackupCodes() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => api.post('/me/backup-codes', { password }, backupCodesOutput),
    onSuccess: () => client.invalidateQueries({ queryKey: factorsKey }),
  });
}

export function useSecuritySettings(enabled: boolean) {
  return useQuery({
    queryKey: securitySettingsKey,
    queryFn: () => api.get('/settings/security', securitySettings),
    enabled,
  });
}

export function useUpdateSecuritySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (requireSecondFactor: boolean) =>
      api.patch('/settings/security', { requireSecondFactor }, securitySettings),
    onSuccess: (settings) => {
      client.setQueryData(securitySettingsKey, settings);
      void client.invalidateQueries({ queryKey: factorsKey });
    },
  });
}

export function useResetFactors() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api.command(`/users/${userId}/factors/reset`),
    onSuccess: () => client.invalidateQueries({ queryKey: usersKey }),
  });
}

import { useMutation, useQueryClient } from '@tanstack/react-query';
import { confirmTotpOutput, smsCodeSent } from '../../../common/schemas/factors.js';
import { api } from './client.js';
import { factorsKey } from './keys.js';

/** Texts a code to a new number (an unconfirmed factor until the code comes back). */
export function useStartSms() {
  return useMutation({
    mutationFn: (input: { phone: string; name?: string }) => api.post('/me/factors/sms', input, smsCodeSent),
  });
}

export function useConfirmSms() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, code }: { id: string; code: string }) =>
      api.post(`/me/factors/sms/${id}/confirm`, { code }, confirmTotpOutput),
    onSuccess: () => client.invalidateQueries({ queryKey: factorsKey }),
  });
}

/** The second step of a sign-in: a code by text message to the person's number. */
export function useSendSignInSms() {
  return useMutation({ mutationFn: () => api.post('/auth/second-factor/sms-code', {}, smsCodeSent) });
}

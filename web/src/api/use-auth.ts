import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type forgotPasswordInput,
  type Me,
  meOutput,
  type resetPasswordInput,
  type signInInput,
  type signUpInput,
} from '../../../common/schemas/auth.js';
import { browserTimeZone } from '../i18n/preferred-locale.js';
import { api } from './client.js';
import { rememberCsrfToken } from './csrf.js';
import { meKey } from './keys.js';
import { isSecondFactorStep, signInAnswer } from './use-factors.js';
import { storeMe } from './use-me.js';

/** New accounts start in the browser's time zone rather than the server default. */
export async function adoptBrowserTimeZone(me: Me): Promise<Me> {
  const timeZone = browserTimeZone();
  if (!me.user || me.user.timeZone === timeZone) return me;
  return api.patch('/me', { timeZone }, meOutput).catch(() => me);
}

export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof signInInput>) => api.post('/auth/sign-in', input, signInAnswer),
    onSuccess: (answer) => {
      if (!isSecondFactorStep(answer)) storeMe(client, answer);
    },
  });
}

/** Sign-up only mails a link (the same answer whether or not the address is registered). */
export function useSignUp() {
  return useMutation({
    mutationFn: (input: z.output<typeof signUpInput>) => api.command('/auth/sign-up', input),
  });
}

/** The mailed link creates the account and signs its first administrator in. */
export function useConfirmSignUp() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async (token: string) =>
      adoptBrowserTimeZone(await api.post('/auth/sign-up/confirm', { token }, meOutput)),
    onSuccess: (me) => storeMe(client, me),
  });
}

export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.command('/auth/sign-out'),
    onSettled: () => {
      rememberCsrfToken(null);
      client.setQueryData(meKey, null);
      // Nothing of the previous session may linger for the next person at this browser.
      client.removeQueries({ predicate: (query) => query.queryKey[0] !== meKey[0] });
    },
  });
}

export function useForgotPassword() {
  return useMutation({
    mutationFn: (input: z.output<typeof forgotPasswordInput>) => api.command('/auth/forgot-password', input),
  });
}

export function useResetPassword() {
  return useMutation({
    mutationFn: (input: z.output<typeof resetPasswordInput>) => api.command('/auth/reset-password', input),
  });
}

export function useVerifyEmail() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (token: string) => api.command('/auth/verify-email', { token }),
    onSuccess: () => client.invalidateQueries({ queryKey: meKey }),
  });
}

export function useResendVerification() {
  return useMutation({ mutationFn: () => api.command('/auth/resend-verification') });
}

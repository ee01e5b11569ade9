import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type acceptInvitationInput, invitationOutput, type Me, meOutput } from '../../../common/schemas/auth.js';
import type { Locale } from '../i18n/translate.js';
import { api } from './client.js';
import { invitationKey } from './keys.js';
import { adoptBrowserTimeZone } from './use-auth.js';
import { isSecondFactorStep, type SecondFactorStep, signInAnswer } from './use-factors.js';
import { storeMe } from './use-me.js';

export function useInvitation(token: string) {
  return useQuery({
    queryKey: invitationKey(token),
    queryFn: () => api.get(`/invitations/${encodeURIComponent(token)}`, invitationOutput),
  });
}

type AcceptInput = z.output<typeof acceptInvitationInput> & { locale: Locale };

export function useAcceptInvitation(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ locale, ...input }: AcceptInput): Promise<Me | SecondFactorStep> => {
      const me = await api.post(`/invitations/${encodeURIComponent(token)}/accept`, input, signInAnswer);
      // Someone who already has a second factor gives a code first.
      if (isSecondFactorStep(me)) return me;
      // The invitee read the invitation in this language; keep it rather than the server default.
      const withLocale =
        !me.user || me.user.locale === locale ? me : await api.patch('/me', { locale }, meOutput).catch(() => me);
      return adoptBrowserTimeZone(withLocale);
    },
    onSuccess: (answer) => {
      if (!('secondFactor' in answer)) storeMe(client, answer);
    },
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { LOCALES } from '../../../../../common/schemas/auth.js';
import { type MailTemplateKind, mailPreview, mailTemplate } from '../../../../../common/schemas/reminders.js';
import { api } from '../../../api/client.js';

export type MailTemplate = z.output<typeof mailTemplate>;
export type MailLocale = (typeof LOCALES)[number];
export type MailText = { subject: string; body: string };

const templatesKey = ['settings', 'mail-templates'] as const;
const path = (kind: MailTemplateKind, locale: MailLocale) => `/settings/mail-templates/${kind}/${locale}`;

export function useMailTemplates() {
  return useQuery({
    queryKey: templatesKey,
    queryFn: async () => (await api.get('/settings/mail-templates', z.object({ items: z.array(mailTemplate) }))).items,
  });
}

/** Saving answers the template as it now is; the list is updated in place. */
function useSaveMutation<I>(fn: (input: I) => Promise<MailTemplate>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (saved) =>
      client.setQueryData<MailTemplate[]>(templatesKey, (items) =>
        items?.map((t) => (t.kind === saved.kind && t.locale === saved.locale ? saved : t)),
      ),
  });
}

export const useSaveMailTemplate = () =>
  useSaveMutation((input: MailText & { kind: MailTemplateKind; locale: MailLocale }) =>
    api.put(path(input.kind, input.locale), { subject: input.subject, body: input.body }, mailTemplate),
  );

export function useResetMailTemplate() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { kind: MailTemplateKind; locale: MailLocale }) => api.delete(path(input.kind, input.locale)),
    onSuccess: () => client.invalidateQueries({ queryKey: templatesKey }),
  });
}

/** The rendered mail for the text being edited; a POST without side effects, so a query. */
export function useMailPreview(input: MailText & { kind: MailTemplateKind; locale: MailLocale }) {
  return useQuery({
    queryKey: ['mail-template-preview', input],
    queryFn: () => api.post('/settings/mail-templates/preview', input, mailPreview),
    enabled: input.subject.trim() !== '' && input.body.trim() !== '',
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type companyDetails,
  companySettings,
  type LetterKind,
  type LetterLocale,
  noticeLetterDraft,
  type noticeLetterInput,
  noticeLetterOutput,
} from '../../../common/schemas/notice-letters.js';
import { api } from './client.js';
import { companySettingsKey, contractsKey } from './keys.js';

export type CompanySettings = z.output<typeof companySettings>;
export type NoticeLetterDraft = z.output<typeof noticeLetterDraft>;

export function useCompanySettings() {
  return useQuery({ queryKey: companySettingsKey, queryFn: () => api.get('/settings/company', companySettings) });
}

export function useUpdateCompanySettings() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof companyDetails>) => api.put('/settings/company', input, companySettings),
    onSuccess: (saved) => client.setQueryData(companySettingsKey, saved),
  });
}

/** The letter drafted from the contract as it is now: never cached past the page (the facts may change). */
export function useNoticeLetterDraft(contractId: string, kind: LetterKind, locale: LetterLocale) {
  return useQuery({
    queryKey: [...contractsKey, 'notice-letter', contractId, kind, locale],
    queryFn: () => api.get(`/contracts/${contractId}/notice-letter/draft`, noticeLetterDraft, { kind, locale }),
    placeholderData: keepPreviousData,
    gcTime: 0,
    retry: false,
  });
}

export function useGenerateNoticeLetter(contractId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof noticeLetterInput>) =>
      api.post(`/contracts/${contractId}/notice-letter`, input, noticeLetterOutput),
    // The contract's documents and history are under its key too.
    onSuccess: () => client.invalidateQueries({ queryKey: contractsKey }),
  });
}

import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { document } from '../../../common/schemas/documents.js';
import {
  type ContractSuggestion,
  inboxAddress,
  inboxConvertOutput,
  inboxSuggestions,
} from '../../../common/schemas/inbox.js';
import { api } from './client.js';
import { contractsKey } from './keys.js';
import { fetchPage, pagingOptions } from './paging.js';
import type { ContractInput } from './use-contracts.js';

export type { ContractSuggestion };
export type InboxSuggestions = z.output<typeof inboxSuggestions>;
export type InboxAddress = z.output<typeof inboxAddress>;

// Under the contracts' key: filing a document changes a contract, and uploads refresh both.
const inboxKey = [...contractsKey, 'inbox'] as const;
const addressKey = ['settings', 'inbox-address'] as const;

/** The documents waiting in the inbox, newest first, a page at a time. */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: [...inboxKey, 'list'],
    queryFn: ({ pageParam }) => fetchPage('/inbox', document, {}, pageParam),
    ...pagingOptions,
  });
}

/** Values for the contract form read from the document's text; null suggestions while it is not read. */
export function useInboxSuggestions(id: string) {
  return useQuery({
    queryKey: [...inboxKey, 'suggestions', id],
    queryFn: () => api.get(`/inbox/${id}/suggestions`, inboxSuggestions),
  });
}

function useInboxMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  // Not awaited: a refetch that finishes first would show "no longer in the inbox" and unmount the
  // panel before its own onSuccess (the navigation to the contract) could run.
  return useMutation({
    mutationFn,
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: contractsKey });
    },
  });
}

/** A new contract made from the document, which moves onto it in the same step. */
export const useConvertInbox = (id: string) =>
  useInboxMutation((input: ContractInput) => api.post(`/inbox/${id}/convert`, input, inboxConvertOutput));

/** Files the document on an existing contract. */
export const useAttachInbox = (id: string) =>
  useInboxMutation((contractId: string) => api.post(`/inbox/${id}/attach`, { contractId }, document));

/** The account's secret address for mailing documents in (made on first read). */
export function useInboxAddress() {
  return useQuery({ queryKey: addressKey, queryFn: () => api.get('/settings/inbox-address', inboxAddress) });
}

export function useRegenerateInboxAddress() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/settings/inbox-address/regenerate', undefined, inboxAddress),
    onSuccess: (address) => client.setQueryData(addressKey, address),
  });
}

import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditEvent } from '../../../common/schemas/audit.js';
import {
  type contractInput,
  contractListItem,
  contractOutput,
  type contractPatch,
  hierarchyOutput,
  type noticeInput,
} from '../../../common/schemas/contracts.js';
import { api, apiUrl } from './client.js';
import { contractsKey } from './keys.js';
import { fetchCountedPage, fetchPage, pagingOptions } from './paging.js';

export type Contract = z.output<typeof contractOutput>;
/** A grid row: the contract with the names of what it refers to (partner, owner, units). */
export type ContractRow = z.output<typeof contractListItem>;
export type ContractInput = z.input<typeof contractInput>;
export type ContractPatch = z.input<typeof contractPatch>;
export type NoticeRecord = z.input<typeof noticeInput>;
/** List filters and sort exactly as the API takes them, `cf.<key>` custom-field filters included. */
export type ContractQuery = Record<string, string>;

export function useContracts(query: ContractQuery, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery({
    queryKey: [...contractsKey, 'list', query],
    queryFn: ({ pageParam }) => fetchCountedPage('/contracts', contractListItem, query, pageParam),
    ...pagingOptions,
    // A new sort or filter keeps the table (and the focused header) until its rows arrive.
    placeholderData: keepPreviousData,
    ...options,
  });
}

export function useContract(id: string, asOf?: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: [...contractsKey, 'one', id, asOf ?? null],
    queryFn: () => api.get(`/contracts/${id}`, contractOutput, { asOf }),
    ...options,
  });
}

function useContractMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: contractsKey }) });
}

export function useCreateContract() {
  return useContractMutation((input: ContractInput) => api.post('/contracts', input, contractOutput));
}

export function useUpdateContract(id: string) {
  return useContractMutation((patch: ContractPatch) => api.patch(`/contracts/${id}`, patch, contractOutput));
}

export function useDeleteContract() {
  return useContractMutation((id: string) => api.delete(`/contracts/${id}`));
}

export function useRecordNotice(id: string) {
  return useContractMutation((notice: NoticeRecord) => api.post(`/contracts/${id}/notice`, notice, contractOutput));
}

/** The export link takes the list's filters and sort, so it downloads exactly the current view. */
export function contractExportUrl(query: ContractQuery, format: 'csv' | 'xlsx'): string {
  return apiUrl('/contracts/export', { ...query, format });
}

export type Hierarchy = z.output<typeof hierarchyOutput>;

/** The contract's own activity-log entries, newest first. */
export function useContractHistory(id: string) {
  return useInfiniteQuery({
    queryKey: [...contractsKey, 'history', id],
    queryFn: ({ pageParam }) => fetchPage(`/contracts/${id}/history`, auditEvent, {}, pageParam),
    ...pagingOptions,
  });
}

/** The whole master/sub-contract tree the contract belongs to. */
export function useContractHierarchy(id: string) {
  return useQuery({
    queryKey: [...contractsKey, 'hierarchy', id],
    queryFn: () => api.get(`/contracts/${id}/hierarchy`, hierarchyOutput),
  });
}

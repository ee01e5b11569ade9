import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { type AccountExport, accountExport } from '../../../common/schemas/account-exports.js';
import type { Locale } from '../i18n/translate.js';
import { api, apiUrl } from './client.js';
import { accountExportsKey } from './keys.js';

export type { AccountExport };

const listed = z.object({ items: z.array(accountExport) });
/** How often the list is asked again while an export is being made. */
const POLL_MS = 1500;
const isPending = (e: AccountExport) => e.status === 'queued' || e.status === 'running';

/** The account's exports, newest first; polled while one is queued or running. */
export function useAccountExports() {
  return useQuery({
    queryKey: accountExportsKey,
    queryFn: async () => (await api.get('/account-exports', listed)).items,
    refetchInterval: (query) => (query.state.data?.some(isPending) ? POLL_MS : false),
  });
}

export function useStartAccountExport() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (locale: Locale) => api.post('/account-exports', { locale }, accountExport),
    onSuccess: () => client.invalidateQueries({ queryKey: accountExportsKey }),
  });
}

export const accountExportUrl = (id: string) => apiUrl(`/account-exports/${id}/download`);

import { useInfiniteQuery, useMutation } from '@tanstack/react-query';
import type { z } from 'zod';
import { auditEvent, auditVerifyOutput } from '../../../common/schemas/audit.js';
import { api, apiUrl } from './client.js';
import { auditKey } from './keys.js';
import { fetchPage, pagingOptions } from './paging.js';

export type AuditEvent = z.output<typeof auditEvent>;
export type AuditVerification = z.output<typeof auditVerifyOutput>;
export type AuditFilters = { actorId?: string; action?: string; objectType?: string; from?: string; to?: string };

export function useAuditEvents(filters: AuditFilters) {
  return useInfiniteQuery({
    queryKey: [...auditKey, filters],
    queryFn: ({ pageParam }) => fetchPage('/audit', auditEvent, filters, pageParam),
    ...pagingOptions,
    // The log is what just happened: opened again, it asks afresh (the app's 15 s default would show an old page).
    staleTime: 0,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get('/audit/verify', auditVerifyOutput) });
}

export function auditExportUrl(filters: AuditFilters): string {
  return apiUrl('/audit/export', filters);
}

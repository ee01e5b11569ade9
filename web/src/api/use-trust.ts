import { useQuery } from '@tanstack/react-query';
import { trustOrgOutput, trustOutput } from '../../../common/schemas/trust.js';
import { api } from './client.js';
import { trustKey, trustOrgKey } from './keys.js';

/** The public trust page: anyone may read it. */
export function useTrust() {
  return useQuery({ queryKey: trustKey, queryFn: () => api.get('/trust', trustOutput) });
}

/** The own account's part of it, asked for only by an administrator. */
export function useTrustOrg(enabled: boolean) {
  return useQuery({ queryKey: trustOrgKey, queryFn: () => api.get('/trust/organization', trustOrgOutput), enabled });
}

import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { metaKey } from './keys.js';
import { metaOutput } from './schemas.js';

export function useMeta() {
  return useQuery({
    queryKey: metaKey,
    queryFn: () => api.get('/meta', metaOutput),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

import { useQuery } from '@tanstack/react-query';
import { api } from './client.js';
import { outboxKey } from './keys.js';
import { outboxOutput } from './schemas.js';

export function useDevOutbox() {
  return useQuery({ queryKey: outboxKey, queryFn: () => api.get('/dev/outbox', outboxOutput), refetchInterval: 5000 });
}

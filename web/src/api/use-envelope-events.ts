import { useQuery } from '@tanstack/react-query';
import { type EnvelopeEvent, envelopeEvents } from '../../../common/schemas/signing-events.js';
import { api } from './client.js';
import { contractsKey } from './keys.js';

export type { EnvelopeEvent };

/** The envelope's evidence; under the envelopes' key, so whatever changes an envelope refreshes it too. */
export function useEnvelopeEvents(envelopeId: string) {
  return useQuery({
    queryKey: [...contractsKey, 'envelopes', 'events', envelopeId],
    queryFn: async () => (await api.get(`/envelopes/${envelopeId}/events`, envelopeEvents)).items,
  });
}

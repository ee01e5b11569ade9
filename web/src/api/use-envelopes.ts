import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import {
  type Envelope,
  type EnvelopePatch,
  envelope,
  envelopeList,
  type fieldInput,
  type RecipientPatch,
  type recipientInput,
} from '../../../common/schemas/signing.js';
import { api } from './client.js';
import { contractsKey } from './keys.js';

export type { Envelope };
export type RecipientInput = z.input<typeof recipientInput>;
export type EnvelopeField = Envelope['fields'][number];
export type EnvelopeRecipient = Envelope['recipients'][number];

// Under the contracts' key: a signature request shows in the contract's history and Signing tab.
const envelopesKey = [...contractsKey, 'envelopes'] as const;
const oneKey = (id: string) => [...envelopesKey, 'one', id] as const;

export function useEnvelope(id: string) {
  return useQuery({ queryKey: oneKey(id), queryFn: () => api.get(`/envelopes/${id}`, envelope) });
}

export function useContractEnvelopes(contractId: string) {
  return useQuery({
    queryKey: [...envelopesKey, 'of', contractId],
    queryFn: async () => (await api.get('/envelopes', envelopeList, { contractId })).items,
  });
}

/** A change that answers with the whole envelope: the cached copy becomes the answer. */
function useEnvelopeChange<I>(id: string, change: (input: I) => Promise<Envelope>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: change,
    onSuccess: (answer) => {
      client.setQueryData(oneKey(id), answer);
      void client.invalidateQueries({ queryKey: [...envelopesKey, 'of'] });
    },
  });
}

export const usePatchEnvelope = (id: string) =>
  useEnvelopeChange(id, (patch: EnvelopePatch) => api.patch(`/envelopes/${id}`, patch, envelope));

export const usePutRecipients = (id: string) =>
  useEnvelopeChange(id, (recipients: RecipientInput[]) =>
    api.put(`/envelopes/${id}/recipients`, { recipients }, envelope),
  );

export const usePutFields = (id: string) =>
  useEnvelopeChange(id, (fields: z.input<typeof fieldInput>[]) =>
    api.put(`/envelopes/${id}/fields`, { fields }, envelope),
  );

/** Mails a recipient of an envelope out for signing their request again (same link). */
export const useResendRecipient = (id: string) =>
  useEnvelopeChange(id, (rid: string) => api.post(`/envelopes/${id}/recipients/${rid}/resend`, undefined, envelope));

/** A recipient's new name or address; a new address gets a new link and the old one stops working. */
export const useChangeRecipient = (id: string) =>
  useEnvelopeChange(id, ({ rid, ...patch }: RecipientPatch & { rid: string }) =>
    api.patch(`/envelopes/${id}/recipients/${rid}`, patch, envelope),
  );

export function useCreateEnvelope() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { documentId: string; locale: 'en' | 'de' }) => api.post('/envelopes', input, envelope),
    onSuccess: (answer) => client.setQueryData(oneKey(answer.id), answer),
  });
}

/**
 * `onDeleted` runs before the caches are refreshed: it leaves the deleted envelope's page first, so that page
 * neither refetches the envelope (a 404) nor unmounts before a callback passed to `mutate` could run.
 */
export function useDeleteEnvelope(onDeleted: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(`/envelopes/${id}`),
    onSuccess: () => {
      onDeleted();
      return client.invalidateQueries({ queryKey: envelopesKey });
    },
  });
}

/** Sends the request to its recipients; the server answers with the envelope as it now stands. */
export function useSendEnvelope(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.command(`/envelopes/${id}/send`),
    onSuccess: () => client.invalidateQueries({ queryKey: envelopesKey }),
  });
}

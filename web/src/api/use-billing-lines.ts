import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { billingLine, type billingLineInput, type billingLinePatch } from '../../../common/schemas/billing.js';
import { api } from './client.js';
import { contractsKey } from './keys.js';

export type BillingLine = z.output<typeof billingLine>;
export type BillingLineInput = z.input<typeof billingLineInput>;
export type BillingLinePatch = z.input<typeof billingLinePatch>;

const linesKey = (contractId: string) => [...contractsKey, 'billing-lines', contractId] as const;

export function useBillingLines(contractId: string) {
  return useQuery({
    queryKey: linesKey(contractId),
    queryFn: async () =>
      (await api.get(`/contracts/${contractId}/billing-lines`, z.object({ items: z.array(billingLine) }))).items,
  });
}

function useLineMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  // The contract's stored billing values (page and grid) change with its lines.
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: contractsKey }) });
}

export function useCreateBillingLine(contractId: string) {
  return useLineMutation((input: BillingLineInput) =>
    api.post(`/contracts/${contractId}/billing-lines`, input, billingLine),
  );
}

export function useUpdateBillingLine(contractId: string) {
  return useLineMutation(({ id, ...patch }: BillingLinePatch & { id: string }) =>
    api.patch(`/contracts/${contractId}/billing-lines/${id}`, patch, billingLine),
  );
}

export function useDeleteBillingLine(contractId: string) {
  return useLineMutation((lineId: string) => api.delete(`/contracts/${contractId}/billing-lines/${lineId}`));
}

import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import {
  type ApprovalDecision,
  type ApprovalStepInput,
  approvalCommentView,
  approvalTask,
  approvalTemplate,
  type approvalTemplateInput,
  type approvalTemplatePatch,
  contractApprovalView,
} from '../../../common/schemas/approvals.js';
import { api } from './client.js';
import { contractsKey } from './keys.js';

export type { ApprovalStepInput };
export type ContractApproval = z.output<typeof contractApprovalView>;
export type ApprovalTemplate = z.output<typeof approvalTemplate>;
export type ApprovalTask = z.output<typeof approvalTask>;
export const approvalTemplatesKey = ['approval-templates'] as const;
export const approvalTasksKey = ['approval-tasks'] as const;
const contractApprovalKey = (contractId: string) => ['contracts', contractId, 'approval'] as const;

export function useContractApproval(contractId: string) {
  return useQuery({
    queryKey: contractApprovalKey(contractId),
    queryFn: () => api.get(`/contracts/${contractId}/approval`, contractApprovalView),
  });
}

export function useApprovalTemplates(options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: approvalTemplatesKey,
    queryFn: async () => (await api.get('/approval-templates', z.object({ items: z.array(approvalTemplate) }))).items,
    enabled: options.enabled ?? true,
  });
}

export type TemplateInput = z.input<typeof approvalTemplateInput>;
export type TemplatePatch = z.input<typeof approvalTemplatePatch>;

function useTemplateMutation<I, O>(mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => client.invalidateQueries({ queryKey: approvalTemplatesKey }) });
}

export const useCreateApprovalTemplate = () =>
  useTemplateMutation((body: TemplateInput) => api.post('/approval-templates', body, approvalTemplate));

export const useUpdateApprovalTemplate = () =>
  useTemplateMutation(({ id, ...patch }: TemplatePatch & { id: string }) =>
    api.patch(`/approval-templates/${id}`, patch, approvalTemplate),
  );

export const useArchiveApprovalTemplate = () =>
  useTemplateMutation((id: string) => api.delete(`/approval-templates/${id}`));

export function useApprovalTasks() {
  return useQuery({
    queryKey: approvalTasksKey,
    queryFn: async () => (await api.get('/approval-tasks', z.object({ items: z.array(approvalTask) }))).items,
  });
}

/** Every answer changes the contract's approval state, the grid's filter and someone's task list. */
function useApprovalMutation<I, O>(contractId: string, mutationFn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: contractApprovalKey(contractId) }),
        client.invalidateQueries({ queryKey: approvalTasksKey }),
        client.invalidateQueries({ queryKey: contractsKey }),
      ]),
  });
}

export function useStartApproval(contractId: string) {
  return useApprovalMutation(contractId, (body: { templateId: string } | { steps: ApprovalStepInput[] }) =>
    api.post(`/contracts/${contractId}/approval`, body, contractApprovalView),
  );
}

export function useApprovalAction(contractId: string) {
  return useApprovalMutation(contractId, ({ id, action }: { id: string; action: 'cancel' | 'resubmit' }) =>
    api.post(`/approvals/${id}/${action}`, {}, contractApprovalView),
  );
}

export type DecisionInput = { workflowId: string; slotId: string; decision: ApprovalDecision; comment: string | null };

export function useDecideApproval(contractId: string) {
  return useApprovalMutation(contractId, ({ workflowId, slotId, ...body }: DecisionInput) =>
    api.post(`/approvals/${workflowId}/slots/${slotId}/decision`, body, contractApprovalView),
  );
}

export function useCommentApproval(contractId: string) {
  return useApprovalMutation(contractId, ({ workflowId, body }: { workflowId: string; body: string }) =>
    api.post(`/approvals/${workflowId}/comments`, { body }, approvalCommentView),
  );
}

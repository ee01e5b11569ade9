import { Badge, Button, Card, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import type {
  ApprovalSlotView,
  ApprovalStepView,
  ApprovalWorkflowView,
} from '../../../../../common/schemas/approvals.js';
import { isApiError } from '../../../api/api-error.js';
import { type ContractApproval, useDecideApproval } from '../../../api/use-approvals.js';
import { AppModal } from '../../../components/app-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { describeError } from '../../../forms/describe-error.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';

const STEP_COLOR: Record<ApprovalStepView['status'], string> = {
  waiting: 'gray',
  active: 'blue',
  approved: 'teal',
  rejected: 'red',
  void: 'gray',
};

type Props = { approval: ContractApproval; workflow: ApprovalWorkflowView };

/** The current round: who asked, each step with its rule, due date, approvers and their answers. */
export function ApprovalSteps({ approval, workflow }: Props) {
  const { t, fmt } = useI18n();
  const [rejecting, setRejecting] = useState<ApprovalSlotView | null>(null);
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" className="break-anywhere">
        {t('approvals.round', { round: workflow.round })} ·{' '}
        {t('approvals.requested', {
          name: workflow.requestedByName ?? t('approvals.someone'),
          date: fmt.date(workflow.requestedAt),
        })}
      </Text>
      {workflow.steps.map((step) => (
        <Card key={step.position} withBorder padding="md" data-testid={`approval-step-${step.position}`}>
          <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
            <Title order={3} size="h5" className="break-anywhere">
              {t('approvals.step', { position: step.position, name: step.name })}
            </Title>
            <Badge color={STEP_COLOR[step.status]} variant="light" miw="max-content">
              {t(`approvals.stepStatus.${step.status}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed" mb="xs">
            {[
              t(`approvals.rule.${step.rule}`),
              step.dueOn
                ? t('approvals.dueOn', { date: fmt.date(step.dueOn) })
                : step.dueDays
                  ? t('approvals.dueDaysAfter', { days: step.dueDays })
                  : null,
            ]
              .filter(Boolean)
              .join(' · ')}
          </Text>
          <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {step.slots.map((slot) => (
              <SlotRow
                key={slot.id}
                slot={slot}
                approval={approval}
                workflow={workflow}
                onReject={() => setRejecting(slot)}
              />
            ))}
          </Stack>
        </Card>
      ))}
      <RejectModal approval={approval} workflowId={workflow.id} slot={rejecting} onClose={() => setRejecting(null)} />
    </Stack>
  );
}

type SlotProps = {
  slot: ApprovalSlotView;
  approval: ContractApproval;
  workflow: ApprovalWorkflowView;
  onReject: () => void;
};

function SlotRow({ slot, approval, workflow, onReject }: SlotProps) {
  const { t, fmt } = useI18n();
  const decide = useDecideApproval(approval.contractId);
  const who =
    slot.kind === 'user' ? (slot.userName ?? '—') : t('approvals.unitEditors', { unit: slot.businessUnitName ?? '—' });
  const comment = workflow.decisions.find((d) => d.slotId === slot.id && d.comment)?.comment;
  const approve = () =>
    decide.mutate(
      { workflowId: workflow.id, slotId: slot.id, decision: 'approve', comment: null },
      { onSuccess: () => notifySuccess(t('approvals.approved')), onError: (error) => notifyError(t, error) },
    );
  return (
    <li>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Group gap="xs">
            <Text size="sm" fw={500} className="break-anywhere">
              {who}
            </Text>
            <Badge
              size="sm"
              variant="outline"
              color={slot.status === 'rejected' ? 'red' : slot.status === 'approved' ? 'teal' : 'gray'}
            >
              {t(`approvals.slotStatus.${slot.status}`)}
            </Badge>
          </Group>
          {slot.decidedAt && (
            <Text size="xs" c="dimmed">
              {t('approvals.decidedBy', { name: slot.decidedByName ?? '—', date: fmt.dateTime(slot.decidedAt) })}
            </Text>
          )}
          {comment && (
            <Text size="sm" className="break-anywhere">
              {t('approvals.decisionComment', { comment })}
            </Text>
          )}
        </Stack>
        {slot.canDecide && (
          <Group gap="xs">
            <Button size="xs" color="teal" loading={decide.isPending} onClick={approve}>
              {t('approvals.approve')}
            </Button>
            <Button size="xs" variant="light" color="red" onClick={onReject}>
              {t('approvals.reject')}
            </Button>
          </Group>
        )}
      </Group>
    </li>
  );
}

type RejectProps = {
  approval: ContractApproval;
  workflowId: string;
  slot: ApprovalSlotView | null;
  onClose: () => void;
};

/** Rejecting needs a reason: the requester reads it. The server's field error lands at the comment. */
function RejectModal({ approval, workflowId, slot, onClose }: RejectProps) {
  const t = useT();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<unknown>(null);
  const decide = useDecideApproval(approval.contractId);
  const close = () => {
    setComment('');
    setError(null);
    onClose();
  };
  const fieldError = isApiError(error) ? error.fieldErrors.find((f) => f.field.endsWith('comment')) : undefined;
  const empty = error === 'empty';
  const submit = () => {
    if (!slot) return;
    if (comment.trim() === '') return setError('empty');
    decide.mutate(
      { workflowId, slotId: slot.id, decision: 'reject', comment: comment.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('approvals.rejected'));
          close();
        },
        onError: setError,
      },
    );
  };
  return (
    <AppModal opened={slot !== null} onClose={close} title={t('approvals.rejectTitle')}>
      <form noValidate onSubmit={ownSubmit(() => submit())}>
        <Stack>
          {error !== null && !empty && !fieldError && <ProblemAlert error={describeError(t, error)} />}
          <Textarea
            label={t('approvals.rejectComment')}
            description={t('approvals.rejectHint')}
            required
            data-autofocus
            autosize
            minRows={3}
            maxLength={4000}
            value={comment}
            error={
              empty ? t('validation.required_to_reject') : fieldError ? fieldProblemMessage(t, fieldError) : undefined
            }
            onChange={(event) => {
              setComment(event.currentTarget.value);
              setError(null);
            }}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color="red" loading={decide.isPending}>
              {t('approvals.reject')}
            </Button>
          </Group>
        </Stack>
      </form>
    </AppModal>
  );
}

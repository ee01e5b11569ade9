import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { IconChecklist, IconInfoCircle, IconPlayerPlay } from '@tabler/icons-react';
import { useState } from 'react';
import type { ContractApprovalState } from '../../../../../common/schemas/approvals.js';
import { type ContractApproval, useApprovalAction, useContractApproval } from '../../../api/use-approvals.js';
import { ConfirmModal } from '../../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../../components/notify.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../../components/states.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';
import { ApprovalComments } from './approval-comments.js';
import { ApprovalSteps } from './approval-steps.js';
import { StartApprovalModal } from './start-approval-modal.js';

const STATE_COLOR: Record<ContractApprovalState, string> = {
  none: 'gray',
  in_progress: 'blue',
  approved: 'teal',
  rejected: 'red',
};

export function ApprovalStateBadge({ state }: { state: ContractApprovalState }) {
  const t = useT();
  return (
    <Badge color={STATE_COLOR[state]} variant="light" miw="max-content">
      {t(`approvals.state.${state}`)}
    </Badge>
  );
}

/** The contract's approval: the current round with its steps, what I may do, comments and earlier rounds. */
export function ApprovalTab({ contractId, categoryId }: { contractId: string; categoryId: string | null }) {
  const approval = useContractApproval(contractId);
  if (approval.isPending) return <TableSkeleton rows={4} />;
  if (approval.isError) return <ErrorState error={approval.error} onRetry={() => void approval.refetch()} />;
  return <ApprovalView approval={approval.data} categoryId={categoryId} />;
}

function ApprovalView({ approval, categoryId }: { approval: ContractApproval; categoryId: string | null }) {
  const t = useT();
  const [starting, setStarting] = useState(false);
  const { current, abilities } = approval;
  const startButton = abilities.canStart && (
    <Button leftSection={<IconPlayerPlay size={16} />} onClick={() => setStarting(true)}>
      {t('approvals.start')}
    </Button>
  );
  const history = approval.rounds.filter((r) => !r.isCurrent);
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Group gap="xs">
          <Title order={2} size="h4">
            {t('approvals.tab')}
          </Title>
          <ApprovalStateBadge state={approval.state} />
        </Group>
        <Group gap="xs">
          {current && <RoundActions approval={approval} />}
          {current && startButton}
        </Group>
      </Group>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconInfoCircle size={16} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Text size="sm" c="dimmed">
          {t('approvals.resetRule')}
        </Text>
      </Group>
      {current ? (
        <ApprovalSteps approval={approval} workflow={current} />
      ) : (
        <EmptyBox
          icon={<IconChecklist />}
          title={t('approvals.emptyTitle')}
          description={t('approvals.emptyText')}
          action={startButton || undefined}
        />
      )}
      {current && <ApprovalComments approval={approval} workflowId={current.id} />}
      {history.length > 0 && <RoundHistory rounds={history} />}
      <StartApprovalModal
        contractId={approval.contractId}
        categoryId={categoryId}
        opened={starting}
        onClose={() => setStarting(false)}
      />
    </Stack>
  );
}

function RoundActions({ approval }: { approval: ContractApproval }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const action = useApprovalAction(approval.contractId);
  const id = approval.current?.id ?? '';
  const run = (kind: 'cancel' | 'resubmit') =>
    action.mutate(
      { id, action: kind },
      {
        onSuccess: () => {
          setConfirming(false);
          notifySuccess(t(kind === 'cancel' ? 'approvals.cancelled' : 'approvals.resubmitted'));
        },
        onError: (error) => notifyError(t, error),
      },
    );
  return (
    <>
      {approval.abilities.canResubmit && (
        <Button variant="default" loading={action.isPending} onClick={() => run('resubmit')}>
          {t('approvals.resubmit')}
        </Button>
      )}
      {approval.abilities.canCancel && (
        <Button variant="light" color="red" onClick={() => setConfirming(true)}>
          {t('approvals.cancel')}
        </Button>
      )}
      <ConfirmModal
        opened={confirming}
        title={t('approvals.cancelTitle')}
        confirmLabel={t('approvals.cancel')}
        loading={action.isPending}
        onConfirm={() => run('cancel')}
        onClose={() => setConfirming(false)}
      >
        <Text size="sm">{t('approvals.cancelText')}</Text>
      </ConfirmModal>
    </>
  );
}

function RoundHistory({ rounds }: { rounds: ContractApproval['rounds'] }) {
  const { t, fmt } = useI18n();
  return (
    <Card withBorder padding="md">
      <Title order={3} size="h5" mb="xs">
        {t('approvals.history')}
      </Title>
      <Stack gap={6} component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {rounds.map((r) => (
          <Group key={r.id} component="li" gap="xs" wrap="wrap">
            <Text size="sm" fw={500}>
              {t('approvals.round', { round: r.round })}
            </Text>
            <Badge variant="outline" color="gray">
              {t(`approvals.roundStatus.${r.status}`)}
            </Badge>
            <Text size="sm" c="dimmed" className="break-anywhere">
              {t('approvals.requested', {
                name: r.requestedByName ?? t('approvals.someone'),
                date: fmt.date(r.requestedAt),
              })}
            </Text>
          </Group>
        ))}
      </Stack>
    </Card>
  );
}

import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconReceipt } from '@tabler/icons-react';
import { useState } from 'react';
import { type BillingLine, useBillingLines, useDeleteBillingLine } from '../../api/use-billing-lines.js';
import { useRepositorySettings } from '../../api/use-classification.js';
import type { ContractRow } from '../../api/use-contracts.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { RowMenu } from '../../components/row-actions.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { formatMoney } from '../../i18n/money.js';
import { BillingLineModal } from './billing-line-modal.js';
import { BillingSummary } from './billing-summary.js';

type Props = { contractId: string; canEdit: boolean; billing: ContractRow['billing'] };
type Dialog = { type: 'edit'; line: BillingLine | null } | { type: 'delete'; line: BillingLine } | null;

/** The contract's costs and revenues; amounts stay decimal strings from the server to the screen. */
export function BillingTab({ contractId, canEdit, billing }: Props) {
  const t = useT();
  const lines = useBillingLines(contractId);
  const settings = useRepositorySettings();
  const [dialog, setDialog] = useState<Dialog>(null);
  const companyCurrency = settings.data?.currency ?? lines.data?.[0]?.companyCurrency ?? 'EUR';
  if (lines.isPending) return <TableSkeleton rows={3} />;
  if (lines.isError) return <ErrorState error={lines.error} onRetry={() => void lines.refetch()} />;
  const add = canEdit && (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setDialog({ type: 'edit', line: null })}>
      {t('billing.add')}
    </Button>
  );
  return (
    <Stack gap="md">
      {lines.data.length === 0 ? (
        <EmptyBox
          icon={<IconReceipt />}
          title={t('billing.emptyTitle')}
          description={t('billing.emptyText')}
          action={add || undefined}
        />
      ) : (
        <>
          <BillingSummary billing={billing} currency={companyCurrency} />
          {add && <Group justify="flex-end">{add}</Group>}
          <Paper withBorder radius="md">
            <LinesTable
              lines={lines.data}
              canEdit={canEdit}
              onEdit={(line) => setDialog({ type: 'edit', line })}
              onDelete={(line) => setDialog({ type: 'delete', line })}
            />
          </Paper>
        </>
      )}
      <BillingLineModal
        contractId={contractId}
        line={dialog?.type === 'edit' ? dialog.line : null}
        companyCurrency={companyCurrency}
        opened={dialog?.type === 'edit'}
        onClose={() => setDialog(null)}
      />
      <DeleteLineModal
        contractId={contractId}
        line={dialog?.type === 'delete' ? dialog.line : null}
        onClose={() => setDialog(null)}
      />
    </Stack>
  );
}

type TableProps = {
  lines: BillingLine[];
  canEdit: boolean;
  onEdit: (line: BillingLine) => void;
  onDelete: (line: BillingLine) => void;
};

function LinesTable({ lines, canEdit, onEdit, onDelete }: TableProps) {
  const { t, fmt, locale } = useI18n();
  const nowrap = { style: { whiteSpace: 'nowrap' as const } };
  return (
    <Table.ScrollContainer minWidth={900} type="native">
      <Table horizontalSpacing="md" className="nowrap-head">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('billing.kind')}</Table.Th>
            <Table.Th>{t('billing.frequency')}</Table.Th>
            <Table.Th ta="right">{t('billing.amount')}</Table.Th>
            <Table.Th ta="right">{t('billing.inCompanyCurrency')}</Table.Th>
            <Table.Th>{t('billing.firstBillingOn')}</Table.Th>
            <Table.Th>{t('billing.lastBillingOn')}</Table.Th>
            <Table.Th>{t('billing.description')}</Table.Th>
            {canEdit && <Table.Th w={50} aria-label={t('billing.actions')} />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {lines.map((line) => (
            <Table.Tr key={line.id}>
              <Table.Td miw={110}>
                <Badge variant="light" color={line.kind === 'cost' ? 'orange' : 'teal'} style={{ overflow: 'visible' }}>
                  {t(`billingKind.${line.kind}`)}
                </Badge>
              </Table.Td>
              <Table.Td {...nowrap}>{t(`billingFrequency.${line.frequency}`)}</Table.Td>
              <Table.Td ta="right" {...nowrap}>
                {formatMoney(line.amount, line.currency, locale)}
              </Table.Td>
              <Table.Td ta="right" {...nowrap}>
                {formatMoney(line.amountInCompanyCurrency, line.companyCurrency, locale)}
              </Table.Td>
              <Table.Td {...nowrap}>{fmt.date(line.firstBillingOn)}</Table.Td>
              <Table.Td {...nowrap}>
                {line.lastBillingOn ? fmt.date(line.lastBillingOn) : t('billing.openEnded')}
              </Table.Td>
              <Table.Td>
                <Text size="sm" lineClamp={2} className="break-anywhere" c={line.description ? undefined : 'dimmed'}>
                  {line.description ?? '—'}
                </Text>
              </Table.Td>
              {canEdit && (
                <Table.Td>
                  <RowMenu
                    label={t('billing.actionsFor', { description: line.description ?? t(`billingKind.${line.kind}`) })}
                    editText={t('contract.edit')}
                    onEdit={() => onEdit(line)}
                    onDelete={() => onDelete(line)}
                  />
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function DeleteLineModal({
  contractId,
  line,
  onClose,
}: {
  contractId: string;
  line: BillingLine | null;
  onClose: () => void;
}) {
  const { t, locale } = useI18n();
  const remove = useDeleteBillingLine(contractId);
  const confirm = () =>
    line &&
    remove.mutate(line.id, {
      onSuccess: () => {
        notifySuccess(t('billing.deleted'));
        onClose();
      },
      onError: (error) => notifyError(t, error),
    });
  return (
    <ConfirmModal
      opened={line !== null}
      title={t('billing.deleteTitle')}
      confirmLabel={t('common.delete')}
      loading={remove.isPending}
      onConfirm={confirm}
      onClose={onClose}
    >
      <Text size="sm">
        {line &&
          t('billing.deleteText', {
            amount: formatMoney(line.amount, line.currency, locale),
            frequency: t(`billingFrequency.${line.frequency}`),
          })}
      </Text>
    </ConfirmModal>
  );
}

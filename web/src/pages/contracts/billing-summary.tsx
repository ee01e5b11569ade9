import { Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import type { ContractRow } from '../../api/use-contracts.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { formatMoney } from '../../i18n/money.js';

type Billing = ContractRow['billing'];
type Props = { billing: Billing; currency: string };

/** The contract's annual and total value per side, as the server stored them (common/billing-values.ts). */
export function BillingSummary({ billing, currency }: Props) {
  const { t, locale } = useI18n();
  const money = (amount: string | null) =>
    amount === null ? (
      <Tooltip label={t('billing.openEndedHint')} multiline w={260}>
        <Text span size="sm" c="dimmed" tabIndex={0}>
          {t('billing.totalOpenEnded')}
        </Text>
      </Tooltip>
    ) : (
      formatMoney(amount, currency, locale)
    );
  const rows: [string, string, string | null][] = [
    [t('billing.costs'), billing.annualCost, billing.totalCost],
    [t('billing.revenues'), billing.annualRevenue, billing.totalRevenue],
    [t('billing.net'), billing.annualValue, billing.totalValue],
  ];
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap="xs">
        <Text fw={600}>{t('billing.values', { currency })}</Text>
        <Text size="sm" c="dimmed">
          {t('billing.valuesHint')}
        </Text>
        <Table.ScrollContainer minWidth={320} type="native">
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th />
                <Table.Th ta="right">{t('billing.annual')}</Table.Th>
                <Table.Th ta="right">{t('billing.total')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map(([label, annual, total], i) => (
                <Table.Tr key={label} fw={i === 2 ? 600 : undefined}>
                  <Table.Th scope="row" fw={i === 2 ? 600 : 400}>
                    {label}
                  </Table.Th>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(annual)}
                  </Table.Td>
                  <Table.Td ta="right" style={{ whiteSpace: 'nowrap' }}>
                    {money(total)}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  );
}

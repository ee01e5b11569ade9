import { Text } from '@mantine/core';
import { IconChartBar, IconTags } from '@tabler/icons-react';
import { useT } from '../../i18n/i18n-context.js';
import { STATUS_COLOR } from '../contracts/status-badges.js';
import { type Bar, BarList } from './bar-list.js';
import { DashboardCard } from './dashboard-card.js';
import type { Dashboard } from './use-dashboard.js';

export function StatusChart({ data }: { data: Dashboard['byStatus'] }) {
  const t = useT();
  const title = t('home.byStatusTitle');
  const bars: Bar[] = data.map(({ status, count }) => ({
    key: status,
    label: t(`contractStatus.${status}`),
    count,
    color: STATUS_COLOR[status],
    to: `/contracts?status=${status}`,
  }));
  return (
    <DashboardCard title={title} icon={<IconChartBar size={18} aria-hidden />}>
      <BarList bars={bars} label={title} />
    </DashboardCard>
  );
}

export function CategoryChart({ data, other }: { data: Dashboard['byCategory']; other: number }) {
  const t = useT();
  const title = t('home.byCategoryTitle');
  const bars: Bar[] = data.map(({ categoryId, name, count }) => ({
    key: categoryId ?? 'none',
    label: name ?? t('home.uncategorized'),
    count,
    color: categoryId ? 'teal' : 'gray',
    to: categoryId ? `/contracts?categoryId=${categoryId}` : undefined,
  }));
  if (other > 0) bars.push({ key: 'other', label: t('home.otherCategories'), count: other, color: 'gray' });
  return (
    <DashboardCard title={title} icon={<IconTags size={18} aria-hidden />}>
      {bars.length ? (
        <BarList bars={bars} label={title} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('home.noContracts')}
        </Text>
      )}
    </DashboardCard>
  );
}

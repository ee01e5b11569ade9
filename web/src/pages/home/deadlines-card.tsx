import { Anchor, Box, Button, Group, SegmentedControl, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconCalendarDue } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { addDays } from '../../../../common/terms/dates.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DeadlineBadge } from '../contracts/deadline-badge.js';
import { DashboardCard } from './dashboard-card.js';
import { plural } from './plural.js';
import type { Dashboard } from './use-dashboard.js';

const WINDOWS = ['30', '60', '90', 'later'] as const;
type Range = (typeof WINDOWS)[number];
/** Rows shown before "Show all": the card stays short on a busy account. */
export const DEADLINES_SHOWN = 8;

const ROW_STYLE = { borderRadius: 'var(--mantine-radius-md)' };

type Deadline = Dashboard['deadlines']['items'][number];

function DeadlineRow({ item, asOf }: { item: Deadline; asOf: string }) {
  const { t, fmt } = useI18n();
  const details = [t(`home.deadlineType.${item.type}`), item.contractNumber, item.partnerName].filter(Boolean);
  return (
    <UnstyledButton
      component={Link}
      to={`/contracts/${item.contractId}`}
      p="xs"
      display="block"
      w="100%"
      className="hover-row"
      style={ROW_STYLE}
    >
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Stack gap={2} miw={0} style={{ flex: 1 }}>
          <Text size="sm" fw={600} truncate>
            {item.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {details.join(' · ')}
          </Text>
        </Stack>
        <Stack gap={2} align="flex-end">
          <DeadlineBadge deadline={item.date} asOf={asOf} withDate={false} />
          <Text size="xs" c="dimmed">
            {fmt.date(item.date)}
          </Text>
        </Stack>
      </Group>
    </UnstyledButton>
  );
}

/**
 * Notice deadlines and ends of the next 30, 60 or 90 days, or later than that, nearest first,
 * with their countdowns: the first few, then "Show all" for the rest the dashboard sent and a
 * link to the contract list for everything.
 */
export function DeadlinesCard({ data }: { data: Dashboard }) {
  const { t } = useI18n();
  const [range, setRange] = useState<Range>('90');
  const [all, setAll] = useState(false);
  const later = range === 'later';
  const days = later ? 90 : Number(range);
  const { counts } = data.deadlines;
  const key = later ? ('later' as const) : (`within${range}` as `within${'30' | '60' | '90'}`);
  const total = counts.notice_deadline[key] + counts.end[key];
  const inWindow = later ? data.deadlines.later : data.deadlines.items.filter((item) => item.daysLeft <= days);
  const shown = all ? inWindow : inWindow.slice(0, DEADLINES_SHOWN);
  const listUrl = later
    ? `/contracts?noticeDeadlineFrom=${addDays(data.asOf, 91)}&sort=noticeDeadline`
    : `/contracts?noticeDeadlineFrom=${data.asOf}&noticeDeadlineTo=${addDays(data.asOf, days)}&sort=noticeDeadline`;
  const summary = {
    notices: plural(t, 'home.noticeCount', counts.notice_deadline[key]),
    ends: plural(t, 'home.endCount', counts.end[key]),
    count: days,
  };
  return (
    <DashboardCard
      title={t('home.deadlinesTitle')}
      icon={<IconCalendarDue size={18} aria-hidden />}
      aside={
        <SegmentedControl
          size="xs"
          value={range}
          onChange={(value) => setRange(value as Range)}
          aria-label={t('home.deadlinesWindow')}
          data={WINDOWS.map((w) => ({
            value: w,
            label: w === 'later' ? t('home.later') : t('home.days', { count: w }),
          }))}
        />
      }
    >
      <Text size="sm" c="dimmed" mb="xs" aria-live="polite">
        {total === 0
          ? t(later ? 'home.deadlinesNoneLater' : 'home.deadlinesNone', { count: days })
          : t(later ? 'home.deadlinesSummaryLater' : 'home.deadlinesSummary', summary)}
      </Text>
      {shown.length > 0 && (
        <Box component="ul" m={0} p={0} mah={all ? 460 : undefined} style={{ listStyle: 'none', overflowY: 'auto' }}>
          {shown.map((item) => (
            <li key={`${item.contractId}-${item.type}`}>
              <DeadlineRow item={item} asOf={data.asOf} />
            </li>
          ))}
        </Box>
      )}
      {inWindow.length > DEADLINES_SHOWN && (
        <Button variant="subtle" size="xs" mt="xs" onClick={() => setAll(!all)} aria-expanded={all}>
          {all ? t('home.deadlinesShowFewer') : t('home.deadlinesShowAll', { total: inWindow.length })}
        </Button>
      )}
      {total > inWindow.length && (all || inWindow.length <= DEADLINES_SHOWN) && (
        <Text size="xs" c="dimmed" mt="xs">
          {t('home.deadlinesMore', { shown: inWindow.length, total })}
        </Text>
      )}
      {counts.notice_deadline[key] > 0 && (
        <Anchor component={Link} to={listUrl} size="sm" mt="sm" display="block">
          {t('home.deadlinesOpenList')}
        </Anchor>
      )}
    </DashboardCard>
  );
}

import { ActionIcon, Alert, Button, Group, SegmentedControl, Skeleton, Stack, Title, Tooltip } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconCalendarEvent, IconCalendarShare, IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useMemo } from 'react';
import { todayIn } from '../../../../common/terms/dates.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { type CalendarView, monthTitle, noonUtc, type Range, rangeOf, step } from './calendar-dates.js';
import { CalendarFilters } from './calendar-filters.js';
import { byDate } from './event-style.js';
import { ListView } from './list-view.js';
import { MonthView } from './month-view.js';
import { SubscribeModal } from './subscribe-modal.js';
import { EVENT_LIMIT, useCalendarEvents } from './use-calendar.js';
import { useCalendarState } from './use-calendar-state.js';
import { WeekView } from './week-view.js';

export function CalendarPage() {
  const { t, timeZone } = useI18n();
  const today = todayIn(timeZone);
  const state = useCalendarState(today);
  // A month grid is unreadable on a phone: there the month shows as a list.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const view: CalendarView = phone && state.view === 'month' ? 'list' : state.view;
  const range = rangeOf(view, state.anchor);
  const [subscribing, subscribe] = useDisclosure(false);
  const views = (phone ? (['week', 'list'] as const) : (['month', 'week', 'list'] as const)).map((v) => ({
    value: v,
    label: t(`calendar.view.${v}`),
  }));
  return (
    <Stack gap="md">
      <PageHeader
        title={t('calendar.title')}
        description={t('calendar.description')}
        mb="xs"
        actions={
          <Button variant="default" leftSection={<IconCalendarShare size={16} />} onClick={subscribe.open}>
            {t('calendar.subscribe')}
          </Button>
        }
      />
      <CalendarFilters
        filters={state.filters}
        types={state.types}
        onFilter={state.setFilter}
        onTypes={state.setTypes}
        onClear={state.active ? state.clear : undefined}
      />
      <Group justify="space-between" gap="sm">
        <Group gap="xs" wrap="nowrap" role="group" aria-label={t('calendar.navigation')}>
          <Tooltip label={t('calendar.previous')} withArrow>
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('calendar.previous')}
              onClick={() => state.setAnchor(step(view, state.anchor, -1))}
            >
              <IconChevronLeft size={18} />
            </ActionIcon>
          </Tooltip>
          <Button variant="default" onClick={() => state.setAnchor(today)}>
            {t('calendar.today')}
          </Button>
          <Tooltip label={t('calendar.next')} withArrow>
            <ActionIcon
              variant="default"
              size={36}
              aria-label={t('calendar.next')}
              onClick={() => state.setAnchor(step(view, state.anchor, 1))}
            >
              <IconChevronRight size={18} />
            </ActionIcon>
          </Tooltip>
          <Title order={3} fz="lg" ml="xs" aria-live="polite">
            <PeriodTitle view={view} range={range} anchor={state.anchor} />
          </Title>
        </Group>
        <SegmentedControl
          aria-label={t('calendar.viewLabel')}
          value={view}
          data={views}
          onChange={(value) => state.setView(value as CalendarView)}
        />
      </Group>
      <CalendarBody view={view} range={range} anchor={state.anchor} today={today} state={state} />
      <SubscribeModal opened={subscribing} onClose={subscribe.close} />
    </Stack>
  );
}

function PeriodTitle({ view, range, anchor }: { view: CalendarView; range: Range; anchor: string }) {
  const { locale } = useI18n();
  if (view !== 'week') return monthTitle(locale, anchor);
  const format = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
  return format.formatRange(noonUtc(range.from), noonUtc(range.to));
}

type BodyProps = {
  view: CalendarView;
  range: Range;
  anchor: string;
  today: string;
  state: ReturnType<typeof useCalendarState>;
};

function CalendarBody({ view, range, anchor, today, state }: BodyProps) {
  const { t, locale } = useI18n();
  const events = useCalendarEvents(range, state.filters);
  const shown = useMemo(() => {
    const all = events.data ?? [];
    return byDate(state.types.length > 0 ? all.filter((e) => state.types.includes(e.type)) : all);
  }, [events.data, state.types]);
  if (events.isPending) return <Skeleton height={480} radius="md" />;
  if (events.isError) return <ErrorState error={events.error} onRetry={() => void events.refetch()} />;
  const label = monthTitle(locale, anchor);
  return (
    <>
      {events.data.length >= EVENT_LIMIT && (
        <Alert color="yellow" variant="light">
          {t('calendar.truncated', { count: EVENT_LIMIT })}
        </Alert>
      )}
      {view === 'month' && (
        <MonthView range={range} month={anchor.slice(0, 7)} today={today} events={shown} label={label} />
      )}
      {view === 'week' && <WeekView range={range} today={today} events={shown} label={label} />}
      {view === 'list' &&
        (shown.size === 0 ? (
          <EmptyBox
            icon={<IconCalendarEvent />}
            title={t('calendar.emptyTitle')}
            description={t('calendar.emptyText')}
          />
        ) : (
          <ListView today={today} events={shown} label={label} />
        ))}
    </>
  );
}

import { Paper, Popover, Stack, Text, UnstyledButton } from '@mantine/core';
import { useState } from 'react';
import type { IsoDate } from '../../../../common/terms/dates.js';
import { useI18n } from '../../i18n/i18n-context.js';
import classes from './calendar.module.css';
import { dayOfMonth, longDate, type Range, weekdayLabel, weeksOf } from './calendar-dates.js';
import { EventChip } from './event-chip.js';
import type { CalendarEvent } from './use-calendar.js';

/** A day shows this many chips; beyond it one fewer and a "+N more" button. */
const VISIBLE = 3;

type Props = { range: Range; month: string; today: IsoDate; events: Map<string, CalendarEvent[]>; label: string };

/** Whole weeks, Monday first, as a table: one row per week. */
export function MonthView({ range, month, today, events, label }: Props) {
  const { locale } = useI18n();
  const weeks = weeksOf(range);
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <table className={classes.month} aria-label={label}>
        <thead>
          <tr>
            {weeks[0]?.map((day) => (
              <th key={day} scope="col" className={classes.head} abbr={weekdayLabel(locale, day, 'long')}>
                {weekdayLabel(locale, day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((day) => (
                <DayCell
                  key={day}
                  day={day}
                  inMonth={day.startsWith(month)}
                  isToday={day === today}
                  events={events.get(day) ?? []}
                />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </Paper>
  );
}

type CellProps = { day: IsoDate; inMonth: boolean; isToday: boolean; events: CalendarEvent[] };

function DayCell({ day, inMonth, isToday, events }: CellProps) {
  const { locale } = useI18n();
  const shown = events.length > VISIBLE ? events.slice(0, VISIBLE - 1) : events;
  const className = [classes.cell, inMonth ? '' : classes.outside, isToday ? classes.today : ''].join(' ');
  return (
    <td className={className} aria-current={isToday ? 'date' : undefined}>
      <div className={classes.cellBody}>
        <span className={classes.dayNumber} title={longDate(locale, day)}>
          {dayOfMonth(day)}
        </span>
        {shown.map((event) => (
          <EventChip key={event.id} event={event} />
        ))}
        {events.length > shown.length && <MoreEvents day={day} events={events} hidden={events.length - shown.length} />}
      </div>
    </td>
  );
}

function MoreEvents({ day, events, hidden }: { day: IsoDate; events: CalendarEvent[]; hidden: number }) {
  const { t, locale } = useI18n();
  const [opened, setOpened] = useState(false);
  const date = longDate(locale, day);
  return (
    <Popover opened={opened} onChange={setOpened} width={280} position="bottom-start" shadow="md" withArrow>
      <Popover.Target>
        <UnstyledButton
          className={classes.more}
          onClick={() => setOpened((o) => !o)}
          aria-label={`${t('calendar.more', { count: hidden })} – ${t('calendar.dayEvents', { date })}`}
        >
          {t('calendar.more', { count: hidden })}
        </UnstyledButton>
      </Popover.Target>
      <Popover.Dropdown>
        <Text size="sm" fw={600} mb="xs">
          {date}
        </Text>
        <Stack gap={4}>
          {events.map((event) => (
            <EventChip key={event.id} event={event} wrap showType />
          ))}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

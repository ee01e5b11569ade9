import { Paper, Text } from '@mantine/core';
import type { IsoDate } from '../../../../common/terms/dates.js';
import { useI18n } from '../../i18n/i18n-context.js';
import classes from './calendar.module.css';
import { dayOfMonth, daysOf, longDate, type Range, weekdayLabel } from './calendar-dates.js';
import { EventChip } from './event-chip.js';
import type { CalendarEvent } from './use-calendar.js';

type Props = { range: Range; today: IsoDate; events: Map<string, CalendarEvent[]>; label: string };

/** Seven columns, Monday first; every event of the day in full, type first. */
export function WeekView({ range, today, events, label }: Props) {
  const { t, locale } = useI18n();
  return (
    <Paper withBorder radius="md" style={{ overflow: 'hidden' }}>
      <ul className={classes.week} aria-label={label}>
        {daysOf(range).map((day) => {
          const dayEvents = events.get(day) ?? [];
          const isToday = day === today;
          return (
            <li
              key={day}
              aria-label={longDate(locale, day)}
              aria-current={isToday ? 'date' : undefined}
              className={`${classes.weekColumn} ${isToday ? classes.today : ''}`}
            >
              <div className={classes.weekHead}>
                <Text size="xs" fw={600} c="dimmed" tt="uppercase">
                  {weekdayLabel(locale, day)}
                </Text>
                <span className={classes.dayNumber}>{dayOfMonth(day)}</span>
              </div>
              {dayEvents.map((event) => (
                <EventChip key={event.id} event={event} wrap showType />
              ))}
              {dayEvents.length === 0 && (
                <Text size="xs" c="dimmed" hiddenFrom="sm">
                  {t('calendar.noEventsDay')}
                </Text>
              )}
            </li>
          );
        })}
      </ul>
    </Paper>
  );
}

import { Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { daysBetween, type IsoDate } from '../../../../common/terms/dates.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countdownLabel } from '../contracts/deadline.js';
import classes from './calendar.module.css';
import { longDate } from './calendar-dates.js';
import { chipStyle, eventTitle, typeLabel } from './event-style.js';
import type { CalendarEvent } from './use-calendar.js';

type Props = { today: IsoDate; events: Map<string, CalendarEvent[]>; label: string };

/** Events grouped by date, each day with how far away it is. */
export function ListView({ today, events, label }: Props) {
  const { locale } = useI18n();
  const dates = [...events.keys()].sort();
  return (
    <Stack gap="sm" aria-label={label} role="list">
      {dates.map((date) => (
        <Paper key={date} withBorder radius="md" role="listitem" style={{ overflow: 'hidden' }}>
          <Group justify="space-between" gap="xs" px="md" py={8} bg={date === today ? 'indigo.0' : undefined}>
            <Text size="sm" fw={600} component="h3" m={0}>
              {longDate(locale, date)}
            </Text>
            <Countdown today={today} date={date} />
          </Group>
          {(events.get(date) ?? []).map((event) => (
            <EventRow key={event.id} event={event} />
          ))}
        </Paper>
      ))}
    </Stack>
  );
}

function Countdown({ today, date }: { today: IsoDate; date: IsoDate }) {
  const { t } = useI18n();
  const days = daysBetween(today, date);
  // Neutral on purpose: a start or renewal coming soon is no alarm; the dots' colours tell the type.
  return (
    <Badge
      variant={days === 0 ? 'filled' : 'light'}
      color={days === 0 ? undefined : 'gray'}
      tt="none"
      miw="max-content"
    >
      {countdownLabel(t, days)}
    </Badge>
  );
}

function EventRow({ event }: { event: CalendarEvent }) {
  const { t } = useI18n();
  const details = [
    typeLabel(t, event.type),
    event.type === 'custom' ? event.contractTitle : null,
    event.contractNumber ? t('calendar.contractNumber', { number: event.contractNumber }) : null,
    event.partnerName,
  ].filter(Boolean);
  return (
    <Link to={`/contracts/${event.contractId}`} className={classes.listRow} style={chipStyle(event.type)}>
      <span className={classes.dot} aria-hidden />
      <Stack gap={0} style={{ minWidth: 0 }}>
        <Text size="sm" fw={500} className="break-anywhere">
          {eventTitle(event)}
        </Text>
        <Text size="xs" c="dimmed" className="break-anywhere">
          {details.join(' · ')}
        </Text>
      </Stack>
    </Link>
  );
}

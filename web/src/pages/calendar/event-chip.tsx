import { Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context.js';
import classes from './calendar.module.css';
import { chipStyle, eventTitle, typeLabel } from './event-style.js';
import type { CalendarEvent } from './use-calendar.js';

type Props = { event: CalendarEvent; wrap?: boolean; showType?: boolean };

/** One event as a small coloured link to its contract. */
export function EventChip({ event, wrap = false, showType = false }: Props) {
  const t = useT();
  const title = eventTitle(event);
  const label = t('calendar.eventLabel', { type: typeLabel(t, event.type), title });
  const subtitle = event.type === 'custom' ? event.contractTitle : null;
  return (
    <Tooltip label={subtitle ? `${label} · ${subtitle}` : label} openDelay={400} withArrow multiline maw={320}>
      <Link
        to={`/contracts/${event.contractId}`}
        className={wrap ? `${classes.chip} ${classes.chipWrap}` : classes.chip}
        style={chipStyle(event.type)}
        aria-label={label}
      >
        {showType && <strong>{typeLabel(t, event.type)} · </strong>}
        {title}
      </Link>
    </Tooltip>
  );
}

import { Badge, Text } from '@mantine/core';
import { useI18n } from '../../i18n/i18n-context.js';
import { countdown, countdownLabel, URGENCY_COLOR } from './deadline.js';

type Props = { deadline: string | null; asOf: string; withDate?: boolean; size?: 'sm' | 'md' | 'lg' };

/** The notice deadline with its coloured countdown; a dash when the contract needs no notice. */
export function DeadlineBadge({ deadline, asOf, withDate = true, size = 'sm' }: Props) {
  const { t, fmt } = useI18n();
  if (!deadline) {
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  }
  const { days, urgency } = countdown(asOf, deadline);
  return (
    <Badge
      color={URGENCY_COLOR[urgency]}
      variant="filled"
      autoContrast
      size={size}
      radius="sm"
      tt="none"
      miw="max-content"
      data-urgency={urgency}
    >
      {withDate ? `${fmt.date(deadline)} · ${countdownLabel(t, days)}` : countdownLabel(t, days)}
    </Badge>
  );
}

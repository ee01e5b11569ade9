import { Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlarm, IconCalendarCheck } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import type { Computed } from '../../../../common/terms/computed.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { countdown, proofText, URGENCY_COLOR } from './deadline.js';
import { DeadlineBadge } from './deadline-badge.js';

type Props = { computed: Computed; asOf: string; noticeGivenOn: string | null; children?: ReactNode };

/** The one thing a contract page must make plain: until when notice can be given, and why. */
export function DeadlineCard({ computed, asOf, noticeGivenOn, children }: Props) {
  const { t, fmt } = useI18n();
  const deadline = computed.noticeDeadline;
  const color = deadline ? URGENCY_COLOR[countdown(asOf, deadline).urgency] : 'gray';
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      aria-labelledby="deadline-title"
      style={{ borderLeft: `6px solid var(--mantine-color-${color}-6)` }}
    >
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={6} style={{ minWidth: 0 }}>
          <Text size="xs" tt="uppercase" fw={700} c="dimmed" id="deadline-title">
            {noticeGivenOn && computed.phase === 'notice_given' ? t('deadline.titleNoticeGiven') : t('deadline.title')}
          </Text>
          {deadline ? (
            <>
              <Title order={3} data-testid="notice-deadline">
                {fmt.date(deadline)}
              </Title>
              <DeadlineBadge deadline={deadline} asOf={asOf} withDate={false} size="lg" />
              {computed.proofDetail && (
                <Text size="sm" c="dimmed" data-testid="deadline-proof" className="break-anywhere">
                  {proofText(t, fmt, computed.proofDetail)}
                </Text>
              )}
            </>
          ) : (
            <NoDeadline computed={computed} noticeGivenOn={noticeGivenOn} />
          )}
          <Text size="xs" c="dimmed">
            {t('deadline.asOf', { date: fmt.date(asOf) })}
          </Text>
          {children}
        </Stack>
        <ThemeIcon size={44} radius="md" variant="light" color={color} visibleFrom="xs" aria-hidden>
          {deadline ? <IconAlarm size={24} /> : <IconCalendarCheck size={24} />}
        </ThemeIcon>
      </Group>
    </Card>
  );
}

/** Notice given met the deadline: the card says so and when the contract ends, not a countdown. */
function NoDeadline({ computed, noticeGivenOn }: { computed: Computed; noticeGivenOn: string | null }) {
  const { t, fmt } = useI18n();
  const text =
    computed.phase === 'notice_given' && computed.endsOn && noticeGivenOn
      ? t('deadline.noticeGivenOn', { given: fmt.date(noticeGivenOn), date: fmt.date(computed.endsOn) })
      : computed.phase === 'ended' && computed.endsOn
        ? t('deadline.ended', { date: fmt.date(computed.endsOn) })
        : computed.endsOn
          ? t('deadline.noneEnds', { date: fmt.date(computed.endsOn) })
          : t('deadline.none');
  return (
    <Title order={4} fw={600} data-testid="deadline-none">
      {text}
    </Title>
  );
}

import { Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { type EnvelopeEvent, useEnvelopeEvents } from '../../api/use-envelope-events.js';
import { ErrorState, TableSkeleton } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';

/** The envelope's evidence, oldest first: what happened, when, to whom, and from which address and browser. */
export function EnvelopeTimeline({ envelopeId }: { envelopeId: string }) {
  const { t } = useI18n();
  const events = useEnvelopeEvents(envelopeId);
  return (
    <Stack gap="xs" component="section" aria-labelledby="envelope-evidence">
      <Title order={2} size="h4" id="envelope-evidence">
        {t('signingEvents.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('signingEvents.hint')}
      </Text>
      {events.isPending ? (
        <TableSkeleton rows={3} />
      ) : events.isError ? (
        <ErrorState error={events.error} onRetry={() => void events.refetch()} />
      ) : events.data.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('signingEvents.none')}
        </Text>
      ) : (
        <Paper withBorder radius="md" p="md">
          <Timeline bulletSize={12} lineWidth={2} active={events.data.length - 1}>
            {events.data.map((event) => (
              <Timeline.Item key={event.id} title={<EventTitle event={event} />} data-testid="evidence-event">
                <EventFacts event={event} />
              </Timeline.Item>
            ))}
          </Timeline>
        </Paper>
      )}
    </Stack>
  );
}

function EventTitle({ event }: { event: EnvelopeEvent }) {
  const { t } = useI18n();
  return (
    <Text size="sm" fw={600} className="break-anywhere">
      {t(`signingEvents.kind.${event.kind}`)}
      {event.recipientName ? ` · ${event.recipientName}` : ''}
    </Text>
  );
}

function EventFacts({ event }: { event: EnvelopeEvent }) {
  const { t, fmt } = useI18n();
  const who = [event.recipientEmail, event.actorName ? t('signingEvents.by', { name: event.actorName }) : null];
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        <time dateTime={event.at}>{fmt.dateTime(event.at)}</time>
        {who.filter(Boolean).map((part) => ` · ${part}`)}
      </Text>
      {(event.ip || event.userAgent) && (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {[event.ip ? t('signingEvents.from', { ip: event.ip }) : null, event.userAgent].filter(Boolean).join(' · ')}
        </Text>
      )}
    </Stack>
  );
}

import { Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import type { AuditEvent } from '../../../api/use-audit.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AuditChanges } from './audit-changes.js';
import { actionLabel, actorLabel, objectName, objectTypeLabel } from './audit-labels.js';

/** The log as a table on wide screens and as a list of cards on phones; "what changed" always gets the room. */
export function ActivityTable({ events }: { events: AuditEvent[] }) {
  const { t } = useI18n();
  const narrow = useMediaQuery('(max-width: 48em)') ?? false;
  if (narrow) {
    return (
      <Stack gap="xs" data-testid="activity-list">
        {events.map((event) => (
          <EventCard key={event.id} event={event} />
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder radius="md" data-testid="activity-frame">
      <Table.ScrollContainer minWidth={720} type="native">
        <Table horizontalSpacing="md" verticalSpacing="sm" className="nowrap-head" data-testid="activity-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={140}>{t('activity.colTime')}</Table.Th>
              <Table.Th w={200}>{t('activity.colActor')}</Table.Th>
              <Table.Th w={220}>{t('activity.colAction')}</Table.Th>
              <Table.Th>{t('activity.colChanges')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {events.map((event) => (
              <EventRow key={event.id} event={event} />
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

function When({ event }: { event: AuditEvent }) {
  const { fmt } = useI18n();
  return (
    <div>
      <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
        {fmt.dateTime(event.occurredAt)}
      </Text>
      <Text size="xs" c="dimmed">
        #{event.seq}
      </Text>
    </div>
  );
}

function Who({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const actor = actorLabel(t, event.actor);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500} className="break-anywhere">
        {actor.name}
      </Text>
      {actor.detail && (
        <Text size="xs" c="dimmed" className="break-anywhere">
          {actor.detail}
        </Text>
      )}
      {event.ip && (
        <Tooltip label={event.userAgent ?? ''} disabled={!event.userAgent} multiline w={300} withArrow>
          <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }} aria-label={t('activity.colIp')}>
            {event.ip}
          </Text>
        </Tooltip>
      )}
    </Stack>
  );
}

function What({ event }: { event: AuditEvent }) {
  const { t } = useI18n();
  const { org } = useCurrentMe();
  const name = objectName(event, org.name);
  return (
    <Stack gap={0}>
      <Text size="sm" fw={500}>
        {actionLabel(t, event.action)}
      </Text>
      <Text size="xs" c="dimmed" className="break-anywhere">
        {name ? `${objectTypeLabel(t, event.objectType)}: ${name}` : objectTypeLabel(t, event.objectType)}
      </Text>
    </Stack>
  );
}

function EventRow({ event }: { event: AuditEvent }) {
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <When event={event} />
      </Table.Td>
      <Table.Td>
        <Who event={event} />
      </Table.Td>
      <Table.Td>
        <What event={event} />
      </Table.Td>
      <Table.Td>
        <AuditChanges event={event} />
      </Table.Td>
    </Table.Tr>
  );
}

function EventCard({ event }: { event: AuditEvent }) {
  return (
    <Paper withBorder radius="md" p="sm">
      <Stack gap="xs">
        <What event={event} />
        <AuditChanges event={event} />
        <Text size="xs" c="dimmed" component="div">
          <Stack gap={2}>
            <Who event={event} />
            <When event={event} />
          </Stack>
        </Text>
      </Stack>
    </Paper>
  );
}

import { Code, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useMemo } from 'react';
import type { AuditEvent } from '../../../api/use-audit.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { AuditChanges } from './audit-changes.js';
import { actionLabel, actorLabel, objectName, objectTypeLabel } from './audit-labels.js';
import type { UnitNames } from './change-value.js';

export function ActivityTable({ events }: { events: AuditEvent[] }) {
  const { t } = useI18n();
  const { data: units } = useBusinessUnits();
  const unitNames = useMemo<UnitNames>(() => new Map((units ?? []).map((unit) => [unit.id, unit.name])), [units]);
  return (
    <Table.ScrollContainer minWidth={960} type="native">
      <Table horizontalSpacing="md" verticalSpacing="sm" className="nowrap-head">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={150}>{t('activity.colTime')}</Table.Th>
            <Table.Th>{t('activity.colActor')}</Table.Th>
            <Table.Th>{t('activity.colAction')}</Table.Th>
            <Table.Th>{t('activity.colObject')}</Table.Th>
            <Table.Th>{t('activity.colIp')}</Table.Th>
            <Table.Th miw={260}>{t('activity.colChanges')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {events.map((event) => (
            <EventRow key={event.id} event={event} units={unitNames} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function EventRow({ event, units }: { event: AuditEvent; units: UnitNames }) {
  const { t, fmt } = useI18n();
  const actor = actorLabel(t, event.actor);
  const { org } = useCurrentMe();
  const subject = objectName(event, units, org.name);
  return (
    <Table.Tr style={{ verticalAlign: 'top' }}>
      <Table.Td>
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {fmt.dateTime(event.occurredAt)}
        </Text>
        <Text size="xs" c="dimmed">
          #{event.seq}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={0} miw={150} maw={220}>
          <Text size="sm" fw={500} className="break-anywhere">
            {actor.name}
          </Text>
          {actor.detail && (
            <Text size="xs" c="dimmed" className="break-anywhere">
              {actor.detail}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" miw={130}>
          {actionLabel(t, event.action)}
        </Text>
      </Table.Td>
      <Table.Td>
        <Stack gap={0} miw={150} maw={220}>
          <Text size="sm">{objectTypeLabel(t, event.objectType)}</Text>
          {subject ? (
            <Text size="xs" c="dimmed" className="break-anywhere">
              {subject}
            </Text>
          ) : (
            event.objectId && (
              <Tooltip label={event.objectId} withArrow>
                <Code fz="xs">{event.objectId.slice(0, 8)}</Code>
              </Tooltip>
            )
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Tooltip label={event.userAgent ?? ''} disabled={!event.userAgent} multiline w={300} withArrow>
          <Text size="sm" c={event.ip ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>
            {event.ip ?? '—'}
          </Text>
        </Tooltip>
      </Table.Td>
      <Table.Td>
        <AuditChanges changes={event.changes} units={units} />
      </Table.Td>
    </Table.Tr>
  );
}

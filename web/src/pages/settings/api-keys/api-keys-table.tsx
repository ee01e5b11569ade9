import { ActionIcon, Badge, Code, Group, Stack, Table, Text, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { SCOPE_FAMILY_NAMES } from '../../../../../common/schemas/api-scopes.js';
import type { ApiKey } from '../../../api/use-api-keys.js';
import type { BusinessUnit } from '../../../api/use-business-units.js';
import { RoleBadge } from '../../../components/role-badge.js';
import { useI18n, useT } from '../../../i18n/i18n-context.js';

type Props = { keys: ApiKey[]; units: BusinessUnit[]; onRevoke: (key: ApiKey) => void };

export function ApiKeysTable({ keys, units, onRevoke }: Props) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={920} type="native">
      <Table horizontalSpacing="md" className="nowrap-head">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('field.name')}</Table.Th>
            <Table.Th>{t('apiKeys.colPrefix')}</Table.Th>
            <Table.Th>{t('field.role')}</Table.Th>
            <Table.Th>{t('apiKeys.colScope')}</Table.Th>
            <Table.Th>{t('apiKeys.access')}</Table.Th>
            <Table.Th>{t('field.created')}</Table.Th>
            <Table.Th>{t('apiKeys.colLastUsed')}</Table.Th>
            <Table.Th>{t('apiKeys.colStatus')}</Table.Th>
            <Table.Th w={60}>
              <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <KeyRow key={key.id} apiKey={key} units={units} onRevoke={onRevoke} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function KeyRow({
  apiKey,
  units,
  onRevoke,
}: {
  apiKey: ApiKey;
  units: BusinessUnit[];
  onRevoke: (key: ApiKey) => void;
}) {
  const { t, fmt } = useI18n();
  const revoked = apiKey.revokedAt !== null;
  return (
    <Table.Tr opacity={revoked ? 0.6 : 1}>
      <Table.Td>
        <Text size="sm" fw={600} miw={140} maw={260}>
          {apiKey.name}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code>{apiKey.prefix}…</Code>
      </Table.Td>
      <Table.Td>
        <RoleBadge role={apiKey.role} />
      </Table.Td>
      <Table.Td>
        <Scope ids={apiKey.businessUnitIds} units={units} />
      </Table.Td>
      <Table.Td>
        <Access apiKey={apiKey} />
      </Table.Td>
      <Table.Td>
        <Stack gap={0}>
          <Text size="sm">{fmt.date(apiKey.createdAt)}</Text>
          {apiKey.createdBy && (
            <Text size="xs" c="dimmed">
              {t('apiKeys.by', { name: apiKey.createdBy })}
            </Text>
          )}
        </Stack>
      </Table.Td>
      <Table.Td>
        <Text size="sm" c={apiKey.lastUsedAt ? undefined : 'dimmed'}>
          {apiKey.lastUsedAt ? fmt.dateTime(apiKey.lastUsedAt) : t('apiKeys.neverUsed')}
        </Text>
      </Table.Td>
      <Table.Td>
        {apiKey.revokedAt ? (
          <Tooltip label={fmt.dateTime(apiKey.revokedAt)} withArrow>
            <Badge color="red" variant="light" miw="max-content">
              {t('apiKeys.revoked')}
            </Badge>
          </Tooltip>
        ) : (
          <Badge color="teal" variant="light" miw="max-content">
            {t('apiKeys.active')}
          </Badge>
        )}
      </Table.Td>
      <Table.Td>
        {!revoked && (
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={t('apiKeys.revokeNamed', { name: apiKey.name })}
            onClick={() => onRevoke(apiKey)}
          >
            <IconTrash size={16} />
          </ActionIcon>
        )}
      </Table.Td>
    </Table.Tr>
  );
}

function Scope({ ids, units }: { ids: string[] | null; units: BusinessUnit[] }) {
  const t = useT();
  if (ids === null) return <Text size="sm">{t('apiKeys.allUnits')}</Text>;
  const names = ids.map((id) => units.find((unit) => unit.id === id)?.name ?? t('apiKeys.unknownUnit'));
  return (
    <Group gap={4} maw={240}>
      {names.map((name, index) => (
        <Badge key={ids[index]} variant="outline" color="gray" size="sm" tt="none" maw={220}>
          {name}
        </Badge>
      ))}
    </Group>
  );
}

/** The families and levels a key holds, and its own rate limit. */
function Access({ apiKey }: { apiKey: ApiKey }) {
  const t = useT();
  const held = apiKey.scopes ? SCOPE_FAMILY_NAMES.filter((family) => apiKey.scopes?.[family]) : [];
  return (
    <Stack gap={2} miw={160}>
      {apiKey.scopes === null ? (
        <Text size="sm">{t('apiKeys.accessAll')}</Text>
      ) : held.length === 0 ? (
        <Text size="sm">{t('apiKeys.accessNone')}</Text>
      ) : (
        held.map((family) => (
          <Text key={family} size="sm">
            {t('apiKeys.held', {
              family: t(`apiKeys.family.${family}`),
              level: t(`apiKeys.level.${apiKey.scopes?.[family] ?? 'none'}`),
            })}
          </Text>
        ))
      )}
      {apiKey.rateLimitPerMinute !== null && (
        <Text size="xs" c="dimmed">
          {t('apiKeys.perMinute', { count: apiKey.rateLimitPerMinute })}
        </Text>
      )}
    </Stack>
  );
}

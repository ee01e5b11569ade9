import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconKey, IconUser } from '@tabler/icons-react';
import type { AccessEntry } from '../../../../common/schemas/access.js';
import { useContractAccess } from '../../api/use-sessions.js';
import { ErrorState, TableSkeleton } from '../../components/states.js';
import type { MessageKey } from '../../i18n/en.js';
import { useT } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';

const GROUPS: { access: AccessEntry['access']; title: MessageKey; color: string }[] = [
  { access: 'edit', title: 'access.canEdit', color: 'teal' },
  { access: 'read', title: 'access.canRead', color: 'blue' },
  { access: 'none', title: 'access.cannot', color: 'gray' },
];

/** Who can open the contract and why, as the server's access policy explains it. */
export function AccessTab({ contractId }: { contractId: string }) {
  const t = useT();
  const access = useContractAccess(contractId);
  if (access.isPending) return <TableSkeleton rows={4} />;
  if (access.isError) return <ErrorState error={access.error} onRetry={() => void access.refetch()} />;
  const { entries, businessUnit, complete } = access.data;
  const unit = businessUnit.name;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('access.intro', { unit })}
      </Text>
      {!complete && <Text size="sm">{t('access.ownOnly')}</Text>}
      {GROUPS.map((group) => {
        const members = entries.filter((e) => e.access === group.access);
        if (!complete && members.length === 0) return null;
        return (
          <Paper key={group.access} withBorder radius="md" p="md">
            <Group gap="xs" mb="sm">
              <Title order={5}>{t(group.title)}</Title>
              <Badge color={group.color} variant="light">
                {members.length}
              </Badge>
            </Group>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('access.none')}
              </Text>
            ) : (
              <Stack gap={8} role="list" aria-label={t(group.title)}>
                {members.map((entry) => (
                  <Group key={entry.id} gap="sm" wrap="nowrap" align="flex-start" role="listitem">
                    {entry.kind === 'api_key' ? <IconKey size={18} aria-hidden /> : <IconUser size={18} aria-hidden />}
                    <Stack gap={0} miw={0}>
                      <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
                        {entry.name}
                        {entry.kind === 'api_key' && (
                          <Badge component="span" ml="xs" size="sm" variant="light" color="gray">
                            {t('access.apiKey')}
                          </Badge>
                        )}
                        {entry.email && (
                          <Text span size="sm" c="dimmed" fw={400}>
                            {' '}
                            {entry.email}
                          </Text>
                        )}
                      </Text>
                      <Text size="sm" c="dimmed">
                        {reasonOf(t, entry, unit)}
                      </Text>
                    </Stack>
                  </Group>
                ))}
              </Stack>
            )}
          </Paper>
        );
      })}
    </Stack>
  );
}

function reasonOf(t: Translate, entry: AccessEntry, unit: string): string {
  const reason =
    entry.reason === 'unit_role'
      ? t(entry.role === 'editor' ? 'access.reason.unit_role.editor' : 'access.reason.unit_role.viewer', { unit })
      : t(`access.reason.${entry.reason}`, { unit });
  return entry.scope ? `${reason} (${t(`access.scope.${entry.scope}`)})` : reason;
}

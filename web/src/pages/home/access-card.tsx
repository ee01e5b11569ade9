import { Badge, Card, Group, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { useCurrentMe } from '../../api/use-me.js';
import { RoleBadge } from '../../components/role-badge.js';
import { useT } from '../../i18n/i18n-context.js';

export function AccessCard() {
  const t = useT();
  const me = useCurrentMe();
  return (
    <Card withBorder radius="lg" padding="lg">
      <Group justify="space-between" mb="xs" wrap="nowrap">
        <Title order={4}>{t('home.accessTitle')}</Title>
        {me.isAdmin && (
          <Badge leftSection={<IconShieldCheck size={12} />} color="grape" variant="light">
            {t('role.administrator')}
          </Badge>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="md">
        {me.isAdmin ? t('home.accessAdmin') : t('home.accessIntro')}
      </Text>
      {me.roles.length === 0 ? (
        <Text size="sm">{t('home.accessNone')}</Text>
      ) : (
        <Table.ScrollContainer minWidth={280}>
          <Table verticalSpacing="xs" highlightOnHover={false}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('field.businessUnit')}</Table.Th>
                <Table.Th ta="right">{t('field.role')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {me.roles.map((role) => (
                <Table.Tr key={role.businessUnitId}>
                  <Table.Td>
                    <Text size="sm" className="break-anywhere">
                      {role.businessUnitName}
                    </Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    <RoleBadge role={role.role} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Stack gap={4} mt="md">
        <Text size="xs" c="dimmed">
          {t('home.rolesExplained')}
        </Text>
      </Stack>
    </Card>
  );
}

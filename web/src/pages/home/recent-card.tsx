import { Group, SimpleGrid, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconHistory } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context.js';
import { StatusBadge } from '../contracts/status-badges.js';
import { DashboardCard } from './dashboard-card.js';
import type { Dashboard } from './use-dashboard.js';

const ROW_STYLE = { borderRadius: 'var(--mantine-radius-md)' };

export function RecentCard({ items }: { items: Dashboard['recent'] }) {
  const { t, fmt } = useI18n();
  return (
    <DashboardCard title={t('home.recentTitle')} icon={<IconHistory size={18} aria-hidden />}>
      <SimpleGrid
        cols={{ base: 1, md: 2 }}
        spacing="md"
        verticalSpacing={2}
        component="ul"
        m={0}
        p={0}
        style={{ listStyle: 'none' }}
      >
        {items.map((item) => (
          <li key={item.id}>
            <UnstyledButton
              component={Link}
              to={`/contracts/${item.id}`}
              p="xs"
              display="block"
              w="100%"
              className="hover-row"
              style={ROW_STYLE}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={2} miw={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={600} truncate>
                    {item.title}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {[item.contractNumber, t('home.changedAt', { when: fmt.dateTime(item.updatedAt) })]
                      .filter(Boolean)
                      .join(' · ')}
                  </Text>
                </Stack>
                <StatusBadge status={item.status} />
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </SimpleGrid>
    </DashboardCard>
  );
}

import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { IconMailOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentMe } from '../../api/use-me.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DashboardCard } from './dashboard-card.js';
import { plural } from './plural.js';
import type { Dashboard } from './use-dashboard.js';

const SHOWN = 5;

/** Mails that failed or bounced: all of them for administrators, one's own otherwise. Hidden when there are none. */
export function FailedDeliveriesCard({ data }: { data: Dashboard['failedDeliveries'] }) {
  const { t, fmt } = useI18n();
  const me = useCurrentMe();
  if (data.total === 0) return null;
  const more = data.total - Math.min(SHOWN, data.items.length);
  return (
    <DashboardCard title={t('home.failedTitle')} icon={<IconMailOff size={18} aria-hidden />} color="orange">
      <Text size="sm" mb="sm">
        {me.isAdmin ? plural(t, 'home.failedIntroAdmin', data.total) : t('home.failedIntroMember')}
      </Text>
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {data.items.slice(0, SHOWN).map((item) => (
          <li key={item.id}>
            <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
              <Stack gap={2} miw={0} style={{ flex: 1 }}>
                <Text size="sm" fw={600} className="break-anywhere">
                  {item.recipientEmail}
                </Text>
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {[t(`home.deliveryKind.${item.kind}`), fmt.dateTime(item.updatedAt), item.lastError]
                    .filter(Boolean)
                    .join(' · ')}
                </Text>
                {item.contractId && (
                  <Anchor component={Link} to={`/contracts/${item.contractId}`} size="xs">
                    {item.contractTitle}
                  </Anchor>
                )}
              </Stack>
              <Badge color={item.status === 'bounced' ? 'red' : 'orange'} variant="light" miw="max-content">
                {t(`home.deliveryStatus.${item.status}`)}
              </Badge>
            </Group>
          </li>
        ))}
      </Stack>
      {more > 0 && (
        <Text size="xs" c="dimmed" mt="sm">
          {t('home.failedMore', { count: more })}
        </Text>
      )}
    </DashboardCard>
  );
}

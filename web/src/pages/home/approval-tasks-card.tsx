import { Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useApprovalTasks } from '../../api/use-approvals.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DashboardCard } from './dashboard-card.js';

/** Steps waiting for my answer, each opening the contract's Approval tab; nothing when there are none. */
export function ApprovalTasksCard() {
  const { t, fmt } = useI18n();
  const tasks = useApprovalTasks();
  const items = tasks.data ?? [];
  if (items.length === 0) return null;
  return (
    <DashboardCard title={t('approvals.tasksTitle')} icon={<IconChecklist size={18} aria-hidden />} color="blue">
      <Stack gap={2} component="ul" m={0} p={0} style={{ listStyle: 'none' }}>
        {items.map((task) => (
          <li key={task.slotId}>
            <UnstyledButton
              component={Link}
              to={`/contracts/${task.contractId}?tab=approval`}
              p="xs"
              display="block"
              w="100%"
              className="hover-row"
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={2} miw={0} style={{ flex: 1 }}>
                  <Text size="sm" fw={600} className="break-anywhere">
                    {task.contractTitle}
                  </Text>
                  <Text size="xs" c="dimmed" className="break-anywhere">
                    {t('approvals.step', { position: task.stepPosition, name: task.stepName })}
                  </Text>
                </Stack>
                {task.dueOn && (
                  <Text size="xs" c="dimmed">
                    {t('approvals.dueOn', { date: fmt.date(task.dueOn) })}
                  </Text>
                )}
              </Group>
            </UnstyledButton>
          </li>
        ))}
      </Stack>
    </DashboardCard>
  );
}

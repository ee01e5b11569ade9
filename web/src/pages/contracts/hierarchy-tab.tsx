import { Anchor, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { IconCornerDownRight, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useContractHierarchy } from '../../api/use-contracts.js';
import { ErrorState, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { StatusBadge } from './status-badges.js';

/** The master contract and its sub-contracts as an indented tree; the current one is marked. */
export function HierarchyTab({ contractId }: { contractId: string }) {
  const t = useT();
  const tree = useContractHierarchy(contractId);
  if (tree.isPending) return <TableSkeleton rows={3} />;
  if (tree.isError) return <ErrorState error={tree.error} onRetry={() => void tree.refetch()} />;
  const nodes = tree.data.nodes;
  if (nodes.length <= 1) {
    return (
      <Paper withBorder radius="md" p="lg">
        <Text size="sm" c="dimmed">
          {t('contract.hierarchyAlone')}
        </Text>
      </Paper>
    );
  }
  return (
    <Paper withBorder radius="md" p="md">
      <Stack gap={6} role="tree" aria-label={t('contract.hierarchy')}>
        {nodes.map((node) => (
          <Box key={node.id} pl={node.depth * 24} role="treeitem" aria-current={node.id === contractId || undefined}>
            <Group gap={6} wrap="nowrap">
              {node.depth > 0 && <IconCornerDownRight size={14} color="var(--mantine-color-gray-5)" aria-hidden />}
              {!node.visible ? (
                <Group gap={4}>
                  <IconLock size={14} aria-hidden />
                  <Text size="sm" c="dimmed">
                    {t('contract.hiddenContract')}
                  </Text>
                </Group>
              ) : node.id === contractId ? (
                <Text size="sm" fw={700}>
                  {node.title}
                </Text>
              ) : (
                <Anchor component={Link} to={`/contracts/${node.id}`} size="sm">
                  {node.title}
                </Anchor>
              )}
              {node.contractNumber && (
                <Text size="xs" c="dimmed">
                  {node.contractNumber}
                </Text>
              )}
              {node.status && <StatusBadge status={node.status} />}
            </Group>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
}

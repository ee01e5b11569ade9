import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from './use-page-title.js';

type Props = { title: string; description?: ReactNode; actions?: ReactNode; mb?: number | string };

export function PageHeader({ title, description, actions, mb = 'lg' }: Props) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-end" gap="md" mb={mb}>
      <Stack gap={4} style={{ flex: '1 1 320px' }}>
        <Title order={1} size="h2">
          {title}
        </Title>
        {description && (
          <Text c="dimmed" size="sm">
            {description}
          </Text>
        )}
      </Stack>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}

import { Card, Group, Title } from '@mantine/core';
import type { ReactNode } from 'react';

type Props = { title: string; icon?: ReactNode; aside?: ReactNode; color?: string; children: ReactNode };

/** One tile of the start page: a titled card whose heading names the region for screen readers. */
export function DashboardCard({ title, icon, aside, color, children }: Props) {
  const headingId = `dash-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      h="100%"
      component="section"
      aria-labelledby={headingId}
      style={color ? { borderColor: `var(--mantine-color-${color}-4)` } : undefined}
      bg={color ? `var(--mantine-color-${color}-0)` : undefined}
    >
      <Group justify="space-between" gap="sm" mb="md" wrap="wrap">
        <Group gap="xs" wrap="nowrap" miw={0}>
          {icon}
          <Title order={3} size="h4" id={headingId}>
            {title}
          </Title>
        </Group>
        {aside}
      </Group>
      {children}
    </Card>
  );
}

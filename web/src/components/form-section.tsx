import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/** A titled card of a long form (contract form, settings pages), named for screen readers by its title. */
export function FormSection({
  title,
  description,
  children,
}: {
  title: string;
  description?: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} component="section" aria-label={title}>
      <Title order={4}>{title}</Title>
      {description && (
        <Text size="sm" c="dimmed">
          {description}
        </Text>
      )}
      <Stack mt="md">{children}</Stack>
    </Paper>
  );
}

/**
 * A section's fields side by side where the section itself has room (a container query), so the
 * same form reads well across a page and in a panel beside a document.
 */
export function FieldColumns({ children }: { children: ReactNode }) {
  return (
    <SimpleGrid type="container" cols={{ base: 1, '480px': 2 }} spacing="md">
      {children}
    </SimpleGrid>
  );
}

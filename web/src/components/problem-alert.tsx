import { Alert, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { ErrorText } from '../forms/describe-error.js';

export function ProblemAlert({ error }: { error: ErrorText | null }) {
  if (!error) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={error.title} role="alert">
      {error.detail && <Text size="sm">{error.detail}</Text>}
      {error.reference && (
        <Text size="xs" c="dimmed" mt={4}>
          {error.reference}
        </Text>
      )}
    </Alert>
  );
}

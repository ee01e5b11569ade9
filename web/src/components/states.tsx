import { Button, Center, EmptyState, Loader, Paper, Skeleton, Stack } from '@mantine/core';
import { IconAlertTriangle, IconLock, IconSearchOff } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { isApiError } from '../api/api-error.js';
import { describeError } from '../forms/describe-error.js';
import { useT } from '../i18n/i18n-context.js';

export function TableSkeleton({ rows = 5 }: { rows?: number }) {
  const t = useT();
  return (
    <Stack gap="xs" aria-busy="true" aria-label={t('common.loading')}>
      <Skeleton height={36} />
      {Array.from({ length: rows }, (_, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: placeholders have no identity
        <Skeleton key={index} height={44} opacity={1 - index * 0.12} />
      ))}
    </Stack>
  );
}

export function PageLoader() {
  const t = useT();
  return (
    <Center h="60vh" aria-busy="true">
      <Loader aria-label={t('common.loading')} />
    </Center>
  );
}

/**
 * What a failed load says. Not found (deleted, another account's, or in a unit the reader cannot
 * see — the server does not tell which) and not allowed are final: no "try again".
 */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT();
  if (isApiError(error) && error.status === 404) return <NotFoundState />;
  if (isApiError(error) && error.status === 403) return <NoAccess />;
  const { title, detail, reference } = describeError(t, error);
  return (
    <Paper withBorder p="xl" radius="md" role="alert">
      <EmptyState
        icon={<IconAlertTriangle />}
        variant="light"
        color="red"
        title={title}
        description={[detail, reference].filter(Boolean).join(' ') || t('problem.tryAgain')}
      >
        {onRetry && (
          <EmptyState.Actions>
            <Button variant="default" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </EmptyState.Actions>
        )}
      </EmptyState>
    </Paper>
  );
}

type EmptyProps = { icon: ReactNode; title: string; description?: string; action?: ReactNode };

export function EmptyBox({ icon, title, description, action }: EmptyProps) {
  return (
    <Paper withBorder p="xl" radius="md">
      <EmptyState icon={icon} variant="light" title={title} description={description}>
        {action && <EmptyState.Actions>{action}</EmptyState.Actions>}
      </EmptyState>
    </Paper>
  );
}

export function NotFoundState() {
  const t = useT();
  return (
    <Paper withBorder p="xl" radius="md" role="alert">
      <EmptyState
        icon={<IconSearchOff />}
        variant="light"
        title={t('problem.not_found')}
        description={t('common.notFoundText')}
      />
    </Paper>
  );
}

export function NoAccess() {
  const t = useT();
  return <EmptyBox icon={<IconLock />} title={t('common.noAccessTitle')} description={t('common.noAccessText')} />;
}

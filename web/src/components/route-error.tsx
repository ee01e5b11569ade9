import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { useRouteError } from 'react-router';
import { useT } from '../i18n/i18n-context.js';

/** Last line of defence when a screen crashes while rendering. */
export function RouteError() {
  const t = useT();
  const error = useRouteError();
  console.error(error);
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="sm" maw={420} ta="center">
        <Title order={1} size="h2">
          {t('problem.crashTitle')}
        </Title>
        <Text c="dimmed">{t('problem.crashText')}</Text>
        <Button onClick={() => window.location.assign('/')}>{t('common.backHome')}</Button>
      </Stack>
    </Center>
  );
}

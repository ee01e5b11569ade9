import { Button, Center, Stack, Text, Title } from '@mantine/core';
import { Link } from 'react-router';
import { Logo } from '../components/logo.js';
import { usePageTitle } from '../components/use-page-title.js';
import { useT } from '../i18n/i18n-context.js';

export function NotFoundPage() {
  const t = useT();
  usePageTitle(t('notFound.title'));
  return (
    <Center mih="100vh" p="md">
      <Stack align="center" gap="md" ta="center" maw={420}>
        <Logo size="lg" />
        <Title order={1} size="h2">
          {t('notFound.title')}
        </Title>
        <Text c="dimmed">{t('notFound.text')}</Text>
        <Button component={Link} to="/">
          {t('common.backHome')}
        </Button>
      </Stack>
    </Center>
  );
}

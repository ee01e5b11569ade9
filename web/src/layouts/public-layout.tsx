import { Anchor, Box, Center, Container, Group, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet } from 'react-router';
import { useMe } from '../api/use-me.js';
import { LanguageSwitch } from '../components/language-switch.js';
import { Logo } from '../components/logo.js';
import { PageLoader } from '../components/states.js';
import { useT } from '../i18n/i18n-context.js';

/** Sign-in, sign-up and the other pages reachable without a session; `width` for a page of more than a form. */
export function PublicLayout({ width = 480 }: { width?: number }) {
  const t = useT();
  // Signed in, the language comes from personal settings, so the switch would do nothing.
  const { data: me } = useMe();
  return (
    <Box mih="100vh" style={{ display: 'flex', flexDirection: 'column' }}>
      <Group justify="space-between" px={{ base: 'md', sm: 'xl' }} py="md">
        {/* The visible name is the link's name (WCAG 2.5.3); it leads home as every logo does. */}
        <Anchor component={Link} to="/" underline="never">
          <Logo />
        </Anchor>
        {!me && <LanguageSwitch />}
      </Group>
      <Center style={{ flex: 1 }} px="md" py="xl">
        <Container size={width} w="100%" p={0}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </Center>
      <Group justify="center" gap="lg" py="md" px="md">
        <Text size="xs" c="dimmed">
          {t('public.footer')}
        </Text>
        <Anchor component={Link} to="/trust" size="xs">
          {t('trust.link')}
        </Anchor>
      </Group>
    </Box>
  );
}

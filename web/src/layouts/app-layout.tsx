import { AppShell, Burger, Container, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { CurrentMeProvider, useMe } from '../api/use-me.js';
import { Logo } from '../components/logo.js';
import { ErrorState, PageLoader } from '../components/states.js';
import { useT } from '../i18n/i18n-context.js';
import { MainNav } from './main-nav.js';
import { UserMenu } from './user-menu.js';

/** The signed-in area: asks /me first, and sends visitors without a session to sign in. */
export function AppLayout() {
  const { data: me, isPending, error, refetch } = useMe();
  const location = useLocation();
  if (isPending) return <PageLoader />;
  if (error) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Container>
    );
  }
  if (!me) {
    const next = `${location.pathname}${location.search}`;
    const query = next === '/' ? '' : `?next=${encodeURIComponent(next)}`;
    return <Navigate to={`/sign-in${query}`} replace />;
  }
  return (
    <CurrentMeProvider value={me}>
      <Shell orgName={me.org.name} />
    </CurrentMeProvider>
  );
}

function Shell({ orgName }: { orgName: string }) {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname) close();
  }, [pathname, close]);
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'md', sm: 'xl' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <Logo />
            <Text c="dimmed" size="sm" visibleFrom="md" truncate maw={260}>
              {orgName}
            </Text>
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
        <AppShell.Section grow component={ScrollArea}>
          <MainNav />
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Container size="xl" p={0}>
          <Suspense fallback={<PageLoader />}>
            <Outlet />
          </Suspense>
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

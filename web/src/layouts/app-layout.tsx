import { AppShell, Burger, Container, Group, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { type MouseEvent, Suspense, useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router';
import { CurrentMeProvider, useMe } from '../api/use-me.js';
import { Logo } from '../components/logo.js';
import { ErrorState, PageLoader } from '../components/states.js';
import { useT } from '../i18n/i18n-context.js';
import { EnrolmentScreen } from './enrolment-screen.js';
import { HeaderSearch } from './header-search.js';
import { MainNav } from './main-nav.js';
import { ReadOnlyBanner } from './read-only-banner.js';
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
  if (me.signInStage === 'enrolment') {
    return (
      <CurrentMeProvider value={me}>
        <EnrolmentScreen />
      </CurrentMeProvider>
    );
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
    <>
      <SkipLink />
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
            <Group gap="sm" wrap="nowrap">
              <HeaderSearch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="sm" aria-label={t('nav.label')}>
          <AppShell.Section grow component={ScrollArea}>
            <MainNav />
          </AppShell.Section>
        </AppShell.Navbar>
        <AppShell.Main id={MAIN_ID} tabIndex={-1} style={{ outline: 'none' }}>
          <Container size="xl" p={0}>
            <ReadOnlyBanner />
            <Suspense fallback={<PageLoader />}>
              <Outlet />
            </Suspense>
          </Container>
        </AppShell.Main>
      </AppShell>
    </>
  );
}

const MAIN_ID = 'main-content';

/** The first stop for keyboard users: past the header and navigation to the page itself (WCAG 2.4.1). */
function SkipLink() {
  const t = useT();
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // Moves focus without a #hash in the address, which the router would keep.
    event.preventDefault();
    document.getElementById(MAIN_ID)?.focus();
  };
  return (
    <a href={`#${MAIN_ID}`} className="skip-link" onClick={skip}>
      {t('nav.skipToContent')}
    </a>
  );
}

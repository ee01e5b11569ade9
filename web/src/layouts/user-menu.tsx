import { Avatar, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconCertificate, IconChevronDown, IconLogout, IconShieldLock, IconUserCog } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useSignOut } from '../api/use-auth.js';
import { useCurrentMe } from '../api/use-me.js';
import { useT } from '../i18n/i18n-context.js';

export function initials(name: string): string {
  const parts = name.trim().split(/\s+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0], parts[parts.length - 1]] : [parts[0]];
  return (
    letters
      .map((part) => part?.[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

export function UserMenu() {
  const t = useT();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const signOut = useSignOut();
  const handleSignOut = () => signOut.mutate(undefined, { onSettled: () => navigate('/sign-in', { replace: true }) });
  return (
    <Menu position="bottom-end" width={240} shadow="md">
      <Menu.Target>
        {/* Named by the visible name (WCAG 2.5.3): small screens hide it from sight, not from screen readers. */}
        <UnstyledButton title={t('nav.userMenu', { name: me.user.name })}>
          <Group gap={8} wrap="nowrap">
            <Avatar color="indigo" radius="xl" size={34} aria-hidden>
              {initials(me.user.name)}
            </Avatar>
            <Text size="sm" fw={500} className="hidden-below-sm" truncate maw={180}>
              {me.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          <Text size="sm" fw={600} c="dark.7" truncate>
            {me.user.name}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {me.user.email}
          </Text>
        </Menu.Label>
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/personal" leftSection={<IconUserCog size={16} />}>
          {t('nav.personal')}
        </Menu.Item>
        <Menu.Item component={Link} to="/settings/security" leftSection={<IconShieldLock size={16} />}>
          {t('nav.security')}
        </Menu.Item>
        {/* The public trust page; administrators also see their own organization's evidence there. */}
        <Menu.Item component={Link} to="/trust" leftSection={<IconCertificate size={16} />}>
          {t('trust.link')}
        </Menu.Item>
        <Menu.Item leftSection={<IconLogout size={16} />} onClick={handleSignOut}>
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

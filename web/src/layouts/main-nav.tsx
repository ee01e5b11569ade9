import { Divider, NavLink, Text } from '@mantine/core';
import {
  IconActivity,
  IconBell,
  IconBuilding,
  IconBuildingCommunity,
  IconBuildingStore,
  IconCalendar,
  IconCreditCard,
  IconDevices,
  IconFileText,
  IconForms,
  IconHome,
  IconInbox,
  IconKey,
  IconListCheck,
  IconMail,
  IconMailCog,
  IconNumbers,
  IconPackageExport,
  IconRecycle,
  IconShieldLock,
  IconSitemap,
  IconTags,
  IconUserCog,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router';
import type { Abilities } from '../../../common/schemas/auth.js';
import { useCurrentMe } from '../api/use-me.js';
import { useMeta } from '../api/use-meta.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/i18n-context.js';

type Entry = { to: string; label: MessageKey; icon: ReactNode; ability?: keyof Abilities };

const SETTINGS: Entry[] = [
  { to: '/settings/users', label: 'nav.users', icon: <IconUsers size={18} />, ability: 'manageUsers' },
  {
    to: '/settings/business-units',
    label: 'nav.businessUnits',
    icon: <IconBuildingCommunity size={18} />,
    ability: 'manageBusinessUnits',
  },
  { to: '/settings/categories', label: 'nav.categories', icon: <IconTags size={18} />, ability: 'manageLists' },
  { to: '/settings/org-units', label: 'nav.orgUnits', icon: <IconSitemap size={18} />, ability: 'manageLists' },
  {
    to: '/settings/custom-fields',
    label: 'nav.customFields',
    icon: <IconForms size={18} />,
    ability: 'manageCustomFields',
  },
  { to: '/settings/repository', label: 'nav.repository', icon: <IconNumbers size={18} />, ability: 'manageSettings' },
  { to: '/settings/company', label: 'nav.company', icon: <IconBuilding size={18} />, ability: 'manageSettings' },
  {
    to: '/settings/approval-templates',
    label: 'nav.approvalTemplates',
    icon: <IconListCheck size={18} />,
    ability: 'manageSettings',
  },
  { to: '/settings/inbox', label: 'nav.inboxSettings', icon: <IconInbox size={18} />, ability: 'createContracts' },
  {
    to: '/settings/mail-templates',
    label: 'nav.mailTemplates',
    icon: <IconMailCog size={18} />,
    ability: 'manageMailTemplates',
  },
  {
    to: '/settings/reminders',
    label: 'nav.reminders',
    icon: <IconBell size={18} />,
    ability: 'manageReminderSettings',
  },
  { to: '/settings/recycle-bin', label: 'nav.recycleBin', icon: <IconRecycle size={18} />, ability: 'useRecycleBin' },
  { to: '/settings/api-keys', label: 'nav.apiKeys', icon: <IconKey size={18} />, ability: 'manageApiKeys' },
  {
    to: '/settings/provisioning',
    label: 'nav.provisioning',
    icon: <IconUsersGroup size={18} />,
    ability: 'manageUsers',
  },
  { to: '/settings/activity', label: 'nav.activity', icon: <IconActivity size={18} />, ability: 'viewActivity' },
  {
    to: '/settings/export',
    label: 'nav.accountExport',
    icon: <IconPackageExport size={18} />,
    ability: 'exportAccount',
  },
  { to: '/settings/personal', label: 'nav.personal', icon: <IconUserCog size={18} /> },
  { to: '/settings/sessions', label: 'nav.sessions', icon: <IconDevices size={18} /> },
  { to: '/settings/security', label: 'nav.security', icon: <IconShieldLock size={18} /> },
  { to: '/settings/sso', label: 'nav.sso', icon: <IconKey size={18} />, ability: 'manageSettings' },
  {
    to: '/settings/subscription',
    label: 'nav.subscription',
    icon: <IconCreditCard size={18} />,
    ability: 'manageSettings',
  },
];

/** Shows only what the server's abilities allow; the server still checks every request. */
export function allowedSettings(abilities: Abilities): Entry[] {
  return SETTINGS.filter((entry) => !entry.ability || abilities[entry.ability] === true);
}

export function MainNav() {
  const t = useT();
  const me = useCurrentMe();
  const { data: meta } = useMeta();
  const { pathname } = useLocation();
  const item = (entry: Entry) => (
    <NavLink
      key={entry.to}
      component={Link}
      to={entry.to}
      label={t(entry.label)}
      leftSection={entry.icon}
      active={pathname === entry.to || (entry.to !== '/' && pathname.startsWith(`${entry.to}/`))}
      variant="light"
      style={{ borderRadius: 'var(--mantine-radius-md)' }}
    />
  );
  return (
    <nav>
      {item({ to: '/', label: 'nav.home', icon: <IconHome size={18} /> })}
      {item({ to: '/contracts', label: 'nav.contracts', icon: <IconFileText size={18} /> })}
      {me.abilities.createContracts && item({ to: '/inbox', label: 'nav.inbox', icon: <IconInbox size={18} /> })}
      {item({ to: '/calendar', label: 'nav.calendar', icon: <IconCalendar size={18} /> })}
      {item({ to: '/partners', label: 'nav.partners', icon: <IconBuildingStore size={18} /> })}
      <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mt="lg" mb={6}>
        {t('nav.settings')}
      </Text>
      {allowedSettings(me.abilities).map(item)}
      {meta?.devOutbox && me.abilities.readDevOutbox && (
        <>
          <Divider my="md" />
          {item({ to: '/dev/outbox', label: 'nav.devOutbox', icon: <IconMail size={18} /> })}
        </>
      )}
    </nav>
  );
}

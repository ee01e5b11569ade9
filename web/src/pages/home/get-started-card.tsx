import { Card, Group, Stack, Text, ThemeIcon, Title, UnstyledButton } from '@mantine/core';
import {
  IconActivity,
  IconBuildingCommunity,
  IconChevronRight,
  IconKey,
  IconUserCog,
  IconUserPlus,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Abilities } from '../../../../common/schemas/auth.js';
import { useCurrentMe } from '../../api/use-me.js';
import type { MessageKey } from '../../i18n/en.js';
import { useT } from '../../i18n/i18n-context.js';

type Step = { to: string; icon: ReactNode; title: MessageKey; text: MessageKey; ability?: keyof Abilities };

const STEPS: Step[] = [
  {
    to: '/settings/users',
    icon: <IconUserPlus size={18} />,
    title: 'home.stepInvite',
    text: 'home.stepInviteText',
    ability: 'manageUsers',
  },
  {
    to: '/settings/business-units',
    icon: <IconBuildingCommunity size={18} />,
    title: 'home.stepUnits',
    text: 'home.stepUnitsText',
    ability: 'manageBusinessUnits',
  },
  {
    to: '/settings/api-keys',
    icon: <IconKey size={18} />,
    title: 'home.stepApi',
    text: 'home.stepApiText',
    ability: 'manageApiKeys',
  },
  {
    to: '/settings/activity',
    icon: <IconActivity size={18} />,
    title: 'home.stepActivity',
    text: 'home.stepActivityText',
    ability: 'viewActivity',
  },
  {
    to: '/settings/personal',
    icon: <IconUserCog size={18} />,
    title: 'home.stepPersonal',
    text: 'home.stepPersonalText',
  },
];

export function GetStartedCard() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const steps = STEPS.filter((step) => !step.ability || abilities[step.ability]);
  const setsUp = steps.some((step) => step.ability);
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4}>{setsUp ? t('home.startTitle') : t('home.startTitleMember')}</Title>
      <Text size="sm" c="dimmed" mb="md">
        {setsUp ? t('home.startIntro') : t('home.startIntroMember')}
      </Text>
      <Stack gap={4}>
        {steps.map((step) => (
          <UnstyledButton
            key={step.to}
            component={Link}
            to={step.to}
            p="sm"
            style={{ borderRadius: 'var(--mantine-radius-md)' }}
            className="hover-row"
          >
            <Group wrap="nowrap" gap="md">
              <ThemeIcon variant="light" size={36} radius="md">
                {step.icon}
              </ThemeIcon>
              <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {t(step.title)}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(step.text)}
                </Text>
              </Stack>
              <IconChevronRight size={16} color="var(--mantine-color-gray-5)" aria-hidden />
            </Group>
          </UnstyledButton>
        ))}
      </Stack>
    </Card>
  );
}

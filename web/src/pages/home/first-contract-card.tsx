import { Button, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconFileImport, IconFilePlus, IconHourglass } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useCurrentMe } from '../../api/use-me.js';
import { useT } from '../../i18n/i18n-context.js';

/** The start page of an account without contracts: what Deedbox will do once there are some. */
export function FirstContractCard() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const canCreate = abilities.createContracts;
  return (
    <Card withBorder radius="lg" padding="xl" bg="var(--mantine-primary-color-light)">
      <Group wrap="nowrap" align="flex-start" gap="lg">
        <ThemeIcon size={48} radius="xl" variant="white" visibleFrom="xs">
          <IconHourglass size={26} aria-hidden />
        </ThemeIcon>
        <Stack gap="sm" style={{ flex: 1 }}>
          <Title order={3}>{canCreate ? t('home.emptyTitle') : t('home.emptyTitleMember')}</Title>
          <Text size="sm">{canCreate ? t('home.emptyText') : t('home.emptyTextMember')}</Text>
          {canCreate && (
            <Group gap="sm" mt="xs">
              <Button component={Link} to="/contracts/new" leftSection={<IconFilePlus size={16} />}>
                {t('home.emptyAdd')}
              </Button>
              <Button component={Link} to="/imports/new" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('home.emptyImport')}
              </Button>
            </Group>
          )}
        </Stack>
      </Group>
    </Card>
  );
}

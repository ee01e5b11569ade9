import { Stack } from '@mantine/core';
import { PageHeader } from '../../../components/page-header.js';
import { useT } from '../../../i18n/i18n-context.js';
import { DigestCard } from './digest-card.js';
import { PasswordCard } from './password-card.js';
import { ProfileCard } from './profile-card.js';

export function PersonalPage() {
  const t = useT();
  return (
    <Stack gap="lg" maw={760}>
      <PageHeader title={t('personal.title')} description={t('personal.description')} mb={0} />
      <ProfileCard />
      <DigestCard />
      <PasswordCard />
    </Stack>
  );
}

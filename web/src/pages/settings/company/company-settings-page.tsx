import { Button, Group, Paper, SimpleGrid, Stack, TextInput, Title } from '@mantine/core';
import { companyDetails } from '../../../../../common/schemas/notice-letters.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { type CompanySettings, useCompanySettings, useUpdateCompanySettings } from '../../../api/use-notice-letters.js';
import { CountrySelect } from '../../../components/code-select.js';
import { notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { ErrorState, NoAccess, PageLoader } from '../../../components/states.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { useT } from '../../../i18n/i18n-context.js';

/** Settings → Company: the legal name and postal address that head notice letters, and who signs them. */
export function CompanySettingsPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const settings = useCompanySettings();
  if (!abilities.manageSettings) return <NoAccess />;
  return (
    <Stack gap="md">
      <PageHeader title={t('company.title')} description={t('company.description')} mb="xs" />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <CompanyForm company={settings.data.company} />
      )}
    </Stack>
  );
}

function CompanyForm({ company }: { company: CompanySettings['company'] }) {
  const t = useT();
  const update = useUpdateCompanySettings();
  const form = useZodForm(companyDetails, {
    legalName: company?.legalName ?? '',
    street: company?.street ?? '',
    postalCode: company?.postalCode ?? '',
    city: company?.city ?? '',
    country: company?.country ?? 'DE',
    signatoryName: company?.signatoryName ?? '',
    signatoryTitle: company?.signatoryTitle ?? '',
  });
  const submit = form.onSubmit((data) =>
    update.mutate(data, { onSuccess: () => notifySuccess(t('company.saved')), onError: form.showError }),
  );
  return (
    <form onSubmit={submit} noValidate>
      <Paper withBorder radius="lg" p={{ base: 'md', sm: 'lg' }} maw={640}>
        <Stack>
          <ProblemAlert error={form.formError} />
          <TextInput
            label={t('company.legalName')}
            required
            autoComplete="organization"
            {...form.textProps('legalName')}
          />
          <TextInput label={t('company.street')} required autoComplete="street-address" {...form.textProps('street')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              label={t('company.postalCode')}
              required
              autoComplete="postal-code"
              {...form.textProps('postalCode')}
            />
            <TextInput label={t('company.city')} required autoComplete="address-level2" {...form.textProps('city')} />
          </SimpleGrid>
          <CountrySelect
            label={t('company.country')}
            required
            clearable={false}
            maw={320}
            value={form.values.country || null}
            error={form.errors.country}
            onChange={(code) => form.setValue('country', code ?? '')}
          />
          <Title order={5} mt="xs">
            {t('company.signatory')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput label={t('company.signatoryName')} autoComplete="name" {...form.textProps('signatoryName')} />
            <TextInput
              label={t('company.signatoryTitle')}
              autoComplete="organization-title"
              {...form.textProps('signatoryTitle')}
            />
          </SimpleGrid>
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </form>
  );
}

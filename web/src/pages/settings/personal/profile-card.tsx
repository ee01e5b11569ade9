import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { DATE_FORMATS, LOCALES, updateMeInput } from '../../../../../common/schemas/auth.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useUpdateMe } from '../../../api/use-personal.js';
import { notifySuccess } from '../../../components/notify.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { useZodForm } from '../../../forms/use-zod-form.js';
import { makeFormatters } from '../../../i18n/format.js';
import { useI18n } from '../../../i18n/i18n-context.js';
import { makeTranslate, toLocale } from '../../../i18n/translate.js';
import { SettingsCard } from './settings-card.js';
import { timeZoneOptions } from './time-zones.js';

const LANGUAGE_NAMES: Record<(typeof LOCALES)[number], string> = { en: 'English', de: 'Deutsch' };

export function ProfileCard() {
  const { t, locale } = useI18n();
  const { user } = useCurrentMe();
  const update = useUpdateMe();
  const form = useZodForm(updateMeInput, {
    name: user.name,
    locale: user.locale,
    dateFormat: user.dateFormat,
    timeZone: user.timeZone,
  });
  const zones = useMemo(() => timeZoneOptions(user.timeZone), [user.timeZone]);
  const example = new Date();
  const submit = form.onSubmit((input) =>
    update.mutate(input, {
      onSuccess: (me) => notifySuccess(makeTranslate(toLocale(me.user?.locale) ?? locale)('personal.saved')),
      onError: form.showError,
    }),
  );
  return (
    <SettingsCard title={t('personal.profileTitle')} description={t('personal.profileText')}>
      <form onSubmit={submit} noValidate>
        <Stack>
          <ProblemAlert error={form.formError} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label={t('field.name')} autoComplete="name" required {...form.textProps('name')} />
            <TextInput
              label={t('field.email')}
              value={user.email}
              readOnly
              variant="filled"
              description={t('personal.emailFixed')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
            />
            <Select
              label={t('field.language')}
              allowDeselect={false}
              value={form.values.locale ?? null}
              error={form.errors.locale}
              data={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
              onChange={(value) =>
                form.setValue(
                  'locale',
                  LOCALES.find((l) => l === value),
                )
              }
            />
            <Select
              label={t('field.dateFormat')}
              allowDeselect={false}
              value={form.values.dateFormat ?? null}
              error={form.errors.dateFormat}
              data={DATE_FORMATS.map((value) => ({
                value,
                label: `${value} · ${makeFormatters({ locale, dateFormat: value, timeZone: user.timeZone }).date(example)}`,
              }))}
              onChange={(value) =>
                form.setValue(
                  'dateFormat',
                  DATE_FORMATS.find((f) => f === value),
                )
              }
            />
          </SimpleGrid>
          <Select
            label={t('field.timeZone')}
            description={t('personal.timeZoneHint')}
            searchable
            allowDeselect={false}
            limit={100}
            value={form.values.timeZone ?? null}
            error={form.errors.timeZone}
            data={zones}
            nothingFoundMessage={t('activity.noMatch')}
            onChange={(value) => form.setValue('timeZone', value ?? undefined)}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={update.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SettingsCard>
  );
}

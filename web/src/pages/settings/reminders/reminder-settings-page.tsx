import { Button, Group, NumberInput, Select, SimpleGrid, Stack, Switch, Text } from '@mantine/core';
import { type FormEvent, useMemo, useState } from 'react';
import { REPEATS, type Repeat } from '../../../../../common/schemas/reminders.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { type ReminderSettings, useReminderSettings, useUpdateReminderSettings } from '../../../api/use-reminders.js';
import { FormSection } from '../../../components/form-section.js';
import { notifySuccess } from '../../../components/notify.js';
import { PageHeader } from '../../../components/page-header.js';
import { ProblemAlert } from '../../../components/problem-alert.js';
import { ErrorState, NoAccess, PageLoader } from '../../../components/states.js';
import { describeError } from '../../../forms/describe-error.js';
import { ownSubmit } from '../../../forms/own-submit.js';
import { useT } from '../../../i18n/i18n-context.js';
import { repeatLabel } from '../../contracts/reminder-labels.js';
import { LeadTimesInput } from '../../contracts/reminder-lead-times.js';
import { timeZoneOptions } from '../personal/time-zones.js';
import { DefaultRemindersEditor } from './default-reminders-editor.js';
import { checkSettings, type SettingsErrors, serverSettingsErrors } from './reminder-settings-errors.js';

const EXPIRY_PRESETS = [180, 90, 60, 30, 14, 7, 0] as const;
const HOURS = Array.from({ length: 24 }, (_, hour) => ({
  value: String(hour),
  label: `${String(hour).padStart(2, '0')}:00`,
}));

/** Settings → Reminders: when mails go out, what new contracts get, the expiry schedule and escalation. */
export function ReminderSettingsPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const settings = useReminderSettings({ enabled: abilities.manageReminderSettings });
  if (!abilities.manageReminderSettings) return <NoAccess />;
  return (
    <Stack gap="md" maw={820}>
      <PageHeader title={t('reminderSettings.title')} description={t('reminderSettings.description')} mb="xs" />
      {settings.isPending ? (
        <PageLoader />
      ) : settings.isError ? (
        <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />
      ) : (
        <SettingsForm settings={settings.data} />
      )}
    </Stack>
  );
}

function SettingsForm({ settings }: { settings: ReminderSettings }) {
  const t = useT();
  const update = useUpdateReminderSettings();
  const [values, setValues] = useState<ReminderSettings>(settings);
  const [escalation, setEscalation] = useState(settings.escalationDays !== null);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [failure, setFailure] = useState<unknown>(null);
  const zones = useMemo(() => timeZoneOptions(settings.timeZone), [settings.timeZone]);
  const set = <K extends keyof ReminderSettings>(key: K, value: ReminderSettings[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) =>
      Object.fromEntries(Object.entries(current).filter(([path]) => path !== key && !path.startsWith(`${key}.`))),
    );
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    const found = checkSettings(t, values, escalation);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const body = { ...values, escalationDays: escalation ? values.escalationDays : null };
    update.mutate(body, {
      onSuccess: (saved) => {
        setValues(saved);
        notifySuccess(t('reminderSettings.saved'));
      },
      onError: (error) => {
        const placed = serverSettingsErrors(t, error);
        setErrors(placed.errors);
        setFailure(placed.rest ? error : null);
      },
    });
  };
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack gap="md">
        <FormSection title={t('reminderSettings.deliveryTitle')} description={t('reminderSettings.deliveryText')}>
          <Select
            label={t('reminderSettings.timeZone')}
            description={t('personal.timeZoneHint')}
            searchable
            allowDeselect={false}
            limit={100}
            value={values.timeZone}
            error={errors.timeZone}
            data={zones}
            nothingFoundMessage={t('activity.noMatch')}
            onChange={(value) => value && set('timeZone', value)}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Select
              label={t('reminderSettings.sendHour')}
              description={t('reminderSettings.sendHourHint')}
              allowDeselect={false}
              value={String(values.sendHour)}
              error={errors.sendHour}
              data={HOURS}
              onChange={(value) => value !== null && set('sendHour', Number(value))}
            />
            <Select
              label={t('reminderSettings.defaultRepeat')}
              description={t('reminderSettings.defaultRepeatHint')}
              allowDeselect={false}
              value={values.defaultRepeat}
              error={errors.defaultRepeat}
              data={REPEATS.map((r) => ({ value: r, label: repeatLabel(t, r) }))}
              onChange={(value) => value && set('defaultRepeat', value as Repeat)}
            />
          </SimpleGrid>
        </FormSection>
        <FormSection title={t('reminderSettings.defaultsTitle')} description={t('reminderSettings.defaultsText')}>
          <DefaultRemindersEditor
            value={values.defaultReminders}
            errors={errors}
            onChange={(next) => set('defaultReminders', next)}
          />
          {errors.defaultReminders && (
            <Text size="sm" c="red">
              {errors.defaultReminders}
            </Text>
          )}
        </FormSection>
        <FormSection title={t('reminderSettings.expiryTitle')} description={t('reminderSettings.expiryText')}>
          <LeadTimesInput
            label={t('reminderSettings.expiryNotice')}
            description={values.expiryNoticeDays.length === 0 ? t('reminderSettings.expiryOff') : undefined}
            presets={EXPIRY_PRESETS}
            value={values.expiryNoticeDays}
            error={errors.expiryNoticeDays}
            onChange={(days) => set('expiryNoticeDays', days)}
          />
          <LeadTimesInput
            label={t('reminderSettings.expiryEnd')}
            description={values.expiryEndDays.length === 0 ? t('reminderSettings.expiryOff') : undefined}
            presets={EXPIRY_PRESETS}
            value={values.expiryEndDays}
            error={errors.expiryEndDays}
            onChange={(days) => set('expiryEndDays', days)}
          />
        </FormSection>
        <FormSection title={t('reminderSettings.escalationTitle')} description={t('reminderSettings.escalationText')}>
          <Switch
            label={t('reminderSettings.escalationOn')}
            checked={escalation}
            onChange={(e) => {
              const on = e.currentTarget.checked;
              setEscalation(on);
              if (on && values.escalationDays === null) set('escalationDays', 3);
            }}
          />
          {escalation && (
            <NumberInput
              label={t('reminderSettings.escalationDays')}
              description={t('reminderSettings.escalationDaysHint')}
              w={{ base: '100%', xs: 260 }}
              min={1}
              max={90}
              allowDecimal={false}
              allowNegative={false}
              value={values.escalationDays ?? ''}
              error={errors.escalationDays}
              onChange={(value) => set('escalationDays', typeof value === 'number' ? value : null)}
            />
          )}
          <Switch
            label={t('reminderSettings.weeklySummary')}
            description={t('reminderSettings.weeklySummaryHint')}
            checked={values.weeklySummary}
            onChange={(e) => set('weeklySummary', e.currentTarget.checked)}
          />
        </FormSection>
        {/* Beside the button, where the eye is after saving; the fields themselves say what is wrong. */}
        <ProblemAlert error={failure ? describeError(t, failure) : null} />
        {Object.keys(errors).length > 0 && !failure && (
          <ProblemAlert error={{ title: t('problem.validation_failed') }} />
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

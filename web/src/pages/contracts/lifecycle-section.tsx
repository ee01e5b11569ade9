import { NativeSelect, SegmentedControl, Stack, Text, TextInput } from '@mantine/core';
import {
  CONTRACT_TYPES,
  type ContractType,
  DEADLINE_ADJUSTMENTS,
  type DeadlineAdjustment,
  NOTICE_ALIGNMENTS,
  type NoticeAlignment,
} from '../../../../common/terms/lifecycle.js';
import { FieldColumns } from '../../components/form-section.js';
import { useT } from '../../i18n/i18n-context.js';
import type { EndMode } from './contract-form-values.js';
import { PeriodInput } from './period-input.js';
import { suggestionOf } from './suggestion-note.js';
import type { ContractForm } from './use-contract-form.js';

export function LifecycleSection({ form }: { form: ContractForm }) {
  const t = useT();
  const { values, set, error } = form;
  const type = values.type;
  return (
    <Stack gap="md">
      <div>
        <Text size="sm" fw={500} mb={4} id="contract-type-label">
          {t('lifecycle.type')}
        </Text>
        <SegmentedControl
          aria-labelledby="contract-type-label"
          fullWidth
          value={type}
          onChange={(value) => set('type', value as ContractType)}
          data={CONTRACT_TYPES.map((v) => ({ value: v, label: t(`contractType.${v}`) }))}
        />
        <Text size="xs" c="dimmed" mt={6}>
          {t(`contractType.${type}.hint`)}
        </Text>
      </div>
      {type !== 'indefinite' && (
        <SegmentedControl
          size="xs"
          aria-label={t('lifecycle.endMode')}
          value={values.endMode}
          onChange={(value) => set('endMode', value as EndMode)}
          data={[
            { value: 'endDate', label: t('lifecycle.endByDate') },
            { value: 'initialTerm', label: t('lifecycle.endByTerm') },
          ]}
          style={{ alignSelf: 'flex-start' }}
        />
      )}
      <FieldColumns>
        <TextInput
          type="date"
          label={t('lifecycle.startDate')}
          description={suggestionOf(form, 'startDate', t('lifecycle.startDate'))}
          required
          value={values.startDate}
          error={error('startDate')}
          onChange={(event) => set('startDate', event.currentTarget.value)}
        />
        {type !== 'indefinite' && <EndField form={form} />}
        {type === 'auto_renewal' && (
          <PeriodInput
            label={t('lifecycle.renewalTerm')}
            required
            value={values.renewalTerm}
            error={error('renewalTerm')}
            onChange={(value) => set('renewalTerm', value)}
          />
        )}
        {type === 'auto_renewal' && (
          <TextInput
            label={t('lifecycle.maxRenewals')}
            description={t('lifecycle.maxRenewalsHint')}
            inputMode="numeric"
            value={values.maxRenewals}
            error={error('maxRenewals')}
            onChange={(event) => set('maxRenewals', event.currentTarget.value.replace(/[^0-9]/g, ''))}
          />
        )}
        {type !== 'fixed' && (
          <PeriodInput
            label={t('lifecycle.noticePeriod')}
            description={suggestionOf(form, 'noticePeriod', t('lifecycle.noticePeriod'))}
            required
            value={values.noticePeriod}
            error={error('noticePeriod')}
            onChange={(value) => set('noticePeriod', value)}
          />
        )}
        {type === 'indefinite' && (
          <NativeSelect
            label={t('lifecycle.noticeAlignment')}
            value={values.noticeAlignment}
            error={error('noticeAlignment')}
            data={NOTICE_ALIGNMENTS.map((v) => ({ value: v, label: t(`alignment.${v}`) }))}
            onChange={(event) => set('noticeAlignment', event.currentTarget.value as NoticeAlignment)}
          />
        )}
        {type !== 'fixed' && (
          <NativeSelect
            label={t('lifecycle.deadlineAdjustment')}
            value={values.deadlineAdjustment}
            error={error('deadlineAdjustment')}
            data={DEADLINE_ADJUSTMENTS.map((v) => ({ value: v, label: t(`adjustment.${v}`) }))}
            onChange={(event) => set('deadlineAdjustment', event.currentTarget.value as DeadlineAdjustment)}
          />
        )}
      </FieldColumns>
      {error('noticeGivenOn') && (
        <Text size="sm" c="red" role="alert">
          {t('lifecycle.noticeGivenOn')}: {error('noticeGivenOn')}
        </Text>
      )}
    </Stack>
  );
}

/** An end date, or an initial term counted from the start: one of the two. */
function EndField({ form }: { form: ContractForm }) {
  const t = useT();
  const { values, set, error } = form;
  if (values.endMode === 'initialTerm') {
    return (
      <PeriodInput
        label={t('lifecycle.initialTerm')}
        required
        value={values.initialTerm}
        error={error('initialTerm')}
        onChange={(value) => set('initialTerm', value)}
      />
    );
  }
  return (
    <TextInput
      type="date"
      label={t('lifecycle.endDate')}
      description={suggestionOf(form, 'endDate', t('lifecycle.endDate'))}
      required
      value={values.endDate}
      error={error('endDate')}
      onChange={(event) => set('endDate', event.currentTarget.value)}
    />
  );
}

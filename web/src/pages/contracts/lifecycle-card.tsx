import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import type { Computed } from '../../../../common/terms/computed.js';
import type { LifecycleInput } from '../../../../common/terms/lifecycle.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { periodLabel } from './deadline.js';
import { PhaseBadge } from './status-badges.js';

export function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text size="xs" c="dimmed" fw={600}>
        {label}
      </Text>
      <div>{typeof children === 'string' ? <Text size="sm">{children}</Text> : children}</div>
    </Stack>
  );
}

/** The terms as entered and the dates that follow from them. */
export function LifecycleCard({ lifecycle, computed }: { lifecycle: LifecycleInput; computed: Computed }) {
  const { t, fmt } = useI18n();
  const date = (value: string | null | undefined) => (value ? fmt.date(value) : '—');
  const period = (value: string | null | undefined) => (value ? periodLabel(t, value) : '—');
  const type = lifecycle.type;
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4} mb="md">
        {t('contract.lifecycle')}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2, md: 3 }} spacing="md" verticalSpacing="md">
        <Field label={t('lifecycle.type')}>{t(`contractType.${type}`)}</Field>
        <Field label={t('contract.phase')}>
          <PhaseBadge phase={computed.phase} />
        </Field>
        <Field label={t('lifecycle.startDate')}>{date(lifecycle.startDate)}</Field>
        {lifecycle.endDate && <Field label={t('lifecycle.endDate')}>{date(lifecycle.endDate)}</Field>}
        {lifecycle.initialTerm && <Field label={t('lifecycle.initialTerm')}>{period(lifecycle.initialTerm)}</Field>}
        {type === 'auto_renewal' && <Field label={t('lifecycle.renewalTerm')}>{period(lifecycle.renewalTerm)}</Field>}
        {type === 'auto_renewal' && (
          <Field label={t('lifecycle.maxRenewals')}>
            {lifecycle.maxRenewals == null ? t('lifecycle.unlimited') : String(lifecycle.maxRenewals)}
          </Field>
        )}
        {type !== 'fixed' && <Field label={t('lifecycle.noticePeriod')}>{period(lifecycle.noticePeriod)}</Field>}
        {type === 'indefinite' && (
          <Field label={t('lifecycle.noticeAlignment')}>
            {t(`alignment.${lifecycle.noticeAlignment ?? 'any_day'}`)}
          </Field>
        )}
        {type !== 'fixed' && (
          <Field label={t('lifecycle.deadlineAdjustment')}>
            {t(`adjustment.${lifecycle.deadlineAdjustment ?? 'none'}`)}
          </Field>
        )}
        {lifecycle.noticeGivenOn && <Field label={t('lifecycle.noticeGivenOn')}>{date(lifecycle.noticeGivenOn)}</Field>}
        <Field label={t('contract.currentTerm')}>
          {computed.currentTermStart ? `${date(computed.currentTermStart)} – ${date(computed.currentTermEnd)}` : '—'}
        </Field>
        <Field label={t('contract.endsOn')}>{computed.endsOn ? date(computed.endsOn) : t('lifecycle.openEnded')}</Field>
        {type === 'indefinite' && <Field label={t('contract.earliestEnd')}>{date(computed.earliestEndDate)}</Field>}
        {type === 'auto_renewal' && (
          <Field label={t('contract.renewalCount')}>{String(computed.renewalCount ?? 0)}</Field>
        )}
      </SimpleGrid>
    </Card>
  );
}

import { Alert, Card, Divider, Group, Stack, Text, Title } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import type { Computed } from '../../../../common/terms/computed.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { proofText } from './deadline.js';
import { DeadlineBadge } from './deadline-badge.js';
import { PhaseBadge } from './status-badges.js';

function Row({ label, value }: { label: string; value: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text size="sm" c="dimmed">
        {label}
      </Text>
      <Text size="sm" fw={500} ta="right">
        {value}
      </Text>
    </Group>
  );
}

/** What the shared term engine makes of the terms typed so far, recomputed on every key. */
export function TermsPreview({ preview, today }: { preview: Computed | null; today: string }) {
  const { t, fmt } = useI18n();
  const date = (value: string | null) => (value ? fmt.date(value) : '—');
  return (
    <Card withBorder radius="lg" padding="lg" aria-live="polite" aria-labelledby="preview-title">
      <Title order={4} id="preview-title">
        {t('preview.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        {t('preview.asOf', { date: fmt.date(today) })}
      </Text>
      {preview ? (
        <Stack gap="xs" data-testid="terms-preview">
          <Group justify="space-between" gap="xs">
            <Text size="sm" c="dimmed">
              {t('contract.phase')}
            </Text>
            <PhaseBadge phase={preview.phase} />
          </Group>
          <Row
            label={t('contract.currentTerm')}
            value={
              preview.currentTermStart ? `${date(preview.currentTermStart)} – ${date(preview.currentTermEnd)}` : '—'
            }
          />
          <Row label={t('contract.endsOn')} value={preview.endsOn ? date(preview.endsOn) : t('lifecycle.openEnded')} />
          {preview.renewalCount !== null && preview.renewalCount > 0 && (
            <Row label={t('contract.renewalCount')} value={String(preview.renewalCount)} />
          )}
          <Divider my={4} />
          <Text size="sm" c="dimmed">
            {t('contract.noticeDeadline')}
          </Text>
          {preview.noticeDeadline ? (
            <>
              <DeadlineBadge deadline={preview.noticeDeadline} asOf={today} size="lg" />
              {preview.proofDetail && (
                <Text size="xs" c="dimmed" className="break-anywhere">
                  {proofText(t, fmt, preview.proofDetail)}
                </Text>
              )}
            </>
          ) : (
            <Text size="sm">{t('preview.noDeadline')}</Text>
          )}
        </Stack>
      ) : (
        <Alert variant="light" color="gray" icon={<IconInfoCircle size={18} />}>
          {t('preview.incomplete')}
        </Alert>
      )}
    </Card>
  );
}

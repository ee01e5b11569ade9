import { SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import type { Trust } from '../../../../common/schemas/trust.js';
import { useMe } from '../../api/use-me.js';
import { useTrust } from '../../api/use-trust.js';
import { Fact } from '../../components/fact.js';
import { ErrorState } from '../../components/states.js';
import { usePageTitle } from '../../components/use-page-title.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { SubProcessors } from './sub-processors.js';
import { TrustOrgSection } from './trust-org-section.js';
import { TrustSection } from './trust-section.js';

const DAY_SECONDS = 86_400;

/** The public trust page: hosting, sub-processors, safeguards with live evidence, retention; an administrator's own account. */
export function TrustPage() {
  const { t } = useI18n();
  usePageTitle(t('trust.title'));
  const query = useTrust();
  const { data: me } = useMe();
  return (
    <Stack gap="lg">
      <Stack gap={4}>
        <Title order={1} fz={{ base: 24, sm: 30 }}>
          {t('trust.title')}
        </Title>
        <Text c="dimmed">{t('trust.description')}</Text>
      </Stack>
      {query.isPending ? (
        <Skeleton h={480} radius="md" aria-busy="true" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <>
          {me?.isAdmin && <TrustOrgSection orgName={me.org.name} />}
          <Hosting trust={query.data} />
          <SubProcessors items={query.data.subProcessors} />
          <Measures trust={query.data} />
          <Retention trust={query.data} />
        </>
      )}
    </Stack>
  );
}

function Hosting({ trust }: { trust: Trust }) {
  const { t } = useI18n();
  return (
    <TrustSection id="trust-hosting" title={t('trust.hostingTitle')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Fact label={t('trust.hosting')} value={trust.hosting ?? t('trust.notStated')} testId="trust-hosting" />
        <Fact label={t('trust.dataResidency')} value={trust.dataResidency ?? t('trust.notStated')} />
      </SimpleGrid>
    </TrustSection>
  );
}

function Measures({ trust }: { trust: Trust }) {
  const { t, fmt } = useI18n();
  const when = (iso: string | null) => (iso ? fmt.dateTime(iso) : t('trust.notRecorded'));
  const { backups, encryption, tls, securityScan } = trust;
  const schedule = !backups.scheduled
    ? t('trust.backupNotScheduled')
    : t(encryption.backupsEncrypted ? 'trust.backupSchedule' : 'trust.backupScheduleUnencrypted', {
        hours: backups.intervalHours,
      });
  const inTransit =
    tls.terminatedBy === 'app'
      ? t('trust.tlsByApp', { version: tls.minVersion ?? '' })
      : t(tls.terminatedBy === 'proxy' ? 'trust.tlsByProxy' : 'trust.tlsNone');
  const hsts = tls.hsts.enabled
    ? t('trust.hstsOn', { days: Math.round(tls.hsts.maxAgeSeconds / DAY_SECONDS) })
    : t('trust.hstsOff');
  const scanResult =
    securityScan.findings === null
      ? undefined
      : securityScan.findings === 0
        ? t('trust.securityTestClean')
        : t('trust.securityTestFindings', { count: securityScan.findings });
  return (
    <TrustSection id="trust-measures" title={t('trust.measuresTitle')} intro={t('trust.measuresIntro')}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg" verticalSpacing="lg">
        <Fact
          label={t('trust.lastBackup')}
          value={when(backups.lastBackupAt)}
          detail={schedule}
          testId="trust-last-backup"
        />
        <Fact
          label={t('trust.lastDrill')}
          value={when(backups.lastRestoreDrillAt)}
          detail={t('trust.drillHint')}
          testId="trust-last-drill"
        />
        <Fact
          label={t('trust.atRest')}
          value={encryption.atRest ? t('trust.atRestOn', { algorithm: encryption.algorithm }) : t('trust.notStated')}
          detail={encryption.perAccountKeys ? t('trust.atRestHint') : undefined}
        />
        <Fact label={t('trust.inTransit')} value={inTransit} detail={hsts} />
        <Fact
          label={t('trust.securityTest')}
          value={when(securityScan.lastRunAt)}
          detail={scanResult}
          testId="trust-security-test"
        />
      </SimpleGrid>
    </TrustSection>
  );
}

function Retention({ trust }: { trust: Trust }) {
  const { t } = useI18n();
  const { retentionMonths, deletionGraceDays, backupRetentionDays } = trust.retention;
  return (
    <TrustSection id="trust-retention" title={t('trust.retentionTitle')}>
      <Stack gap="xs">
        <Text>{t('trust.retentionText', { months: retentionMonths })}</Text>
        <Text>{t('trust.retentionEarly', { days: deletionGraceDays })}</Text>
        <Text>{t('trust.retentionBackups', { days: backupRetentionDays })}</Text>
      </Stack>
    </TrustSection>
  );
}

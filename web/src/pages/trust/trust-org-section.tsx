import { Badge, SimpleGrid, Skeleton } from '@mantine/core';
import { useTrustOrg } from '../../api/use-trust.js';
import { Fact } from '../../components/fact.js';
import { ErrorState } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { TrustSection } from './trust-section.js';

/** What an administrator sees of the own account: the activity log's chain, and when the data goes. */
export function TrustOrgSection({ orgName }: { orgName: string }) {
  const { t, fmt } = useI18n();
  const query = useTrustOrg(true);
  return (
    <TrustSection id="trust-org" title={t('trust.orgTitle')} intro={t('trust.orgIntro', { name: orgName })}>
      {query.isPending ? (
        <Skeleton h={72} aria-busy="true" />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
          <Fact
            label={t('trust.activityLog')}
            value={
              <Badge color={query.data.activityLog.intact ? 'teal' : 'red'} variant="light" component="span">
                {t(query.data.activityLog.intact ? 'trust.chainIntact' : 'trust.chainBroken')}
              </Badge>
            }
            detail={
              query.data.activityLog.firstBrokenSeq === null
                ? t('trust.chainChecked', { count: query.data.activityLog.checked })
                : t('trust.chainBrokenAt', { seq: query.data.activityLog.firstBrokenSeq })
            }
            testId="trust-chain"
          />
          <Fact
            label={t('trust.deletion')}
            value={
              query.data.earlyDeletionDueAt
                ? t('trust.earlyDeletionOn', { date: fmt.date(query.data.earlyDeletionDueAt) })
                : query.data.deletionDate
                  ? t('trust.deletionOn', { date: fmt.date(query.data.deletionDate) })
                  : t('trust.deletionNone')
            }
            testId="trust-deletion"
          />
        </SimpleGrid>
      )}
    </TrustSection>
  );
}

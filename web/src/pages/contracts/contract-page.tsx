import { Button, Grid, Group, Stack, Tabs, Text } from '@mantine/core';
import { IconAlarmOff, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { todayIn } from '../../../../common/terms/dates.js';
import { type Contract, useContract } from '../../api/use-contracts.js';
import { BackLink } from '../../components/back-link.js';
import { PageHeader } from '../../components/page-header.js';
import { ErrorState, PageLoader } from '../../components/states.js';
import { useI18n } from '../../i18n/i18n-context.js';
import { DocumentsTab } from '../documents/documents-tab.js';
import { useUploads } from '../documents/use-uploads.js';
import { SigningTab } from '../signing/signing-tab.js';
import { AccessTab } from './access-tab.js';
import { ApprovalTab } from './approval/approval-tab.js';
import { BillingTab } from './billing-tab.js';
import { lifecycleOf } from './contract-lifecycle.js';
import { CustomValuesCard } from './custom-values-card.js';
import { DeadlineCard } from './deadline-card.js';
import { DeleteContractModal } from './delete-contract-modal.js';
import { DetailsCard } from './details-card.js';
import { EventsTab } from './events-tab.js';
import { HierarchyTab } from './hierarchy-tab.js';
import { HistoryTab } from './history-tab.js';
import { LifecycleCard } from './lifecycle-card.js';
import { LetterActions } from './notice-letter/letter-actions.js';
import { RecordNoticeModal } from './record-notice-modal.js';
import { PhaseBadge, StatusBadge } from './status-badges.js';

export function ContractPage() {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  // ?asOf=YYYY-MM-DD shows the dates as they stood (or will stand) on that day.
  const contract = useContract(id, params.get('asOf') ?? undefined);
  if (contract.isPending) return <PageLoader />;
  if (contract.isError) return <ErrorState error={contract.error} onRetry={() => void contract.refetch()} />;
  return <ContractView contract={contract.data} />;
}

function ContractView({ contract }: { contract: Contract }) {
  const { t, timeZone } = useI18n();
  // ?tab=events opens a tab directly, e.g. from the calendar or a reminder mail.
  const [params] = useSearchParams();
  const [dialog, setDialog] = useState<'notice' | 'delete' | null>(null);
  // Here, not in the tab: uploads go on (and stay listed) while another tab is open.
  const uploads = useUploads();
  const lifecycle = lifecycleOf(contract);
  const canGiveNotice = contract.abilities.edit && lifecycle.type !== 'fixed' && !lifecycle.noticeGivenOn;
  // The API's asOf is the org's today unless the page shows another day; notice can never be dated later.
  const orgToday = params.get('asOf') ? todayIn(timeZone) : contract.asOf;
  return (
    <Stack gap="md">
      <BackLink to="/contracts">{t('contracts.title')}</BackLink>
      <PageHeader
        title={contract.title}
        mb={0}
        description={
          <Group gap="xs" component="span">
            <StatusBadge status={contract.status} />
            <PhaseBadge phase={contract.computed.phase} />
            {contract.contractNumber && (
              <Text span size="sm" c="dimmed">
                {contract.contractNumber}
              </Text>
            )}
          </Group>
        }
        actions={
          <>
            {canGiveNotice && (
              <Button variant="default" leftSection={<IconAlarmOff size={16} />} onClick={() => setDialog('notice')}>
                {t('notice.action')}
              </Button>
            )}
            {contract.abilities.edit && (
              <Button component={Link} to={`/contracts/${contract.id}/edit`} leftSection={<IconPencil size={16} />}>
                {t('contract.edit')}
              </Button>
            )}
            {contract.abilities.delete && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog('delete')}
              >
                {t('common.delete')}
              </Button>
            )}
          </>
        }
      />
      <Tabs defaultValue={params.get('tab') ?? 'overview'} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="overview">{t('contract.overview')}</Tabs.Tab>
          <Tabs.Tab value="documents">{t('documents.title')}</Tabs.Tab>
          <Tabs.Tab value="signing">{t('signing.tab.title')}</Tabs.Tab>
          <Tabs.Tab value="events">{t('contractEvents.tab')}</Tabs.Tab>
          <Tabs.Tab value="billing">{t('contract.billing')}</Tabs.Tab>
          <Tabs.Tab value="hierarchy">{t('contract.hierarchy')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('contract.history')}</Tabs.Tab>
          <Tabs.Tab value="access">{t('access.tab')}</Tabs.Tab>
          <Tabs.Tab value="approval">{t('approvals.tab')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="overview">
          <Grid gap="md">
            <Grid.Col span={{ base: 12, md: 5 }}>
              <DeadlineCard
                computed={contract.computed}
                asOf={contract.asOf}
                noticeGivenOn={lifecycle.noticeGivenOn ?? null}
              >
                {canGiveNotice && contract.computed.noticeDeadline && !params.get('asOf') && (
                  <LetterActions contractId={contract.id} renews={lifecycle.type === 'auto_renewal'} />
                )}
              </DeadlineCard>
            </Grid.Col>
            <Grid.Col span={{ base: 12, md: 7 }}>
              <DetailsCard contract={contract} />
            </Grid.Col>
            <Grid.Col span={12}>
              <LifecycleCard lifecycle={lifecycle} computed={contract.computed} />
            </Grid.Col>
            <Grid.Col span={12}>
              <CustomValuesCard entity="contract" custom={contract.custom} />
            </Grid.Col>
          </Grid>
        </Tabs.Panel>
        <Tabs.Panel value="documents">
          <DocumentsTab contract={contract} uploads={uploads} />
        </Tabs.Panel>
        <Tabs.Panel value="signing">
          <SigningTab contractId={contract.id} />
        </Tabs.Panel>
        <Tabs.Panel value="events">
          <EventsTab contract={contract} />
        </Tabs.Panel>
        <Tabs.Panel value="billing">
          <BillingTab contractId={contract.id} canEdit={contract.abilities.edit} billing={contract.billing} />
        </Tabs.Panel>
        <Tabs.Panel value="hierarchy">
          <HierarchyTab contractId={contract.id} />
        </Tabs.Panel>
        <Tabs.Panel value="history">
          <HistoryTab contractId={contract.id} />
        </Tabs.Panel>
        <Tabs.Panel value="access">
          <AccessTab contractId={contract.id} />
        </Tabs.Panel>
        <Tabs.Panel value="approval">
          <ApprovalTab contractId={contract.id} categoryId={contract.categoryId} />
        </Tabs.Panel>
      </Tabs>
      <RecordNoticeModal
        contractId={contract.id}
        lifecycle={lifecycle}
        opened={dialog === 'notice'}
        today={orgToday}
        onClose={() => setDialog(null)}
      />
      <DeleteContractModal contract={contract} opened={dialog === 'delete'} onClose={() => setDialog(null)} />
    </Stack>
  );
}

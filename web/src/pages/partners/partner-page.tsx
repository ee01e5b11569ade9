import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconArrowMerge, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { meCan } from '../../api/abilities.js';
import { allItems } from '../../api/paging.js';
import { useContracts } from '../../api/use-contracts.js';
import { useCurrentMe } from '../../api/use-me.js';
import { type Partner, useDeletePartner, usePartner } from '../../api/use-partners.js';
import { BackLink } from '../../components/back-link.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { LoadMore } from '../../components/load-more.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { ErrorState, PageLoader, TableSkeleton } from '../../components/states.js';
import { countryName } from '../../i18n/display-names.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { BUILT_IN_COLUMNS } from '../contracts/contract-columns.js';
import { ContractsTable } from '../contracts/contracts-table.js';
import { CustomValuesCard } from '../contracts/custom-values-card.js';
import { Field } from '../contracts/lifecycle-card.js';
import { MergePartnersModal } from './merge-partners-modal.js';
import { PartnerFormModal } from './partner-form-modal.js';

export function PartnerPage() {
  const { id = '' } = useParams();
  const partner = usePartner(id);
  if (partner.isPending) return <PageLoader />;
  if (partner.isError) return <ErrorState error={partner.error} onRetry={() => void partner.refetch()} />;
  return <PartnerView partner={partner.data} />;
}

function PartnerView({ partner }: { partner: Partner }) {
  const { t, locale } = useI18n();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<'edit' | 'merge' | 'delete' | null>(null);
  const remove = useDeletePartner();
  const canEdit = meCan(me, 'editPartners');
  const confirmDelete = () =>
    remove.mutate(partner.id, {
      onSuccess: () => {
        notifySuccess(t('partners.deleted', { name: partner.name }));
        navigate('/partners', { replace: true });
      },
      onError: (error) => {
        setDialog(null);
        notifyError(t, error);
      },
    });
  const address = partner.address;
  const addressText = address
    ? [
        address.street,
        [address.postalCode, address.city].filter(Boolean).join(' '),
        address.country && countryName(address.country, locale),
      ]
        .filter(Boolean)
        .join(', ')
    : '';
  return (
    <Stack gap="md">
      <BackLink to="/partners">{t('partners.title')}</BackLink>
      <PageHeader
        title={partner.name}
        description={t(`partnerType.${partner.type}`)}
        mb={0}
        actions={
          canEdit && (
            <>
              <Button leftSection={<IconPencil size={16} />} onClick={() => setDialog('edit')}>
                {t('partners.edit')}
              </Button>
              <Button variant="default" leftSection={<IconArrowMerge size={16} />} onClick={() => setDialog('merge')}>
                {t('merge.action')}
              </Button>
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setDialog('delete')}
              >
                {t('common.delete')}
              </Button>
            </>
          )
        }
      />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Card withBorder radius="lg" padding="lg">
          <Title order={4} mb="md">
            {t('partner.details')}
          </Title>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Field label={t('partner.registrationNumber')}>{partner.registrationNumber ?? '—'}</Field>
            <Field label={t('partner.vatId')}>{partner.vatId ?? '—'}</Field>
            <Field label={t('partner.address')}>{addressText || '—'}</Field>
          </SimpleGrid>
        </Card>
        <ContactsCard partner={partner} />
      </SimpleGrid>
      <CustomValuesCard entity="partner" custom={partner.custom} />
      <PartnerContracts partnerId={partner.id} />
      <PartnerFormModal opened={dialog === 'edit'} partner={partner} onClose={() => setDialog(null)} />
      <MergePartnersModal opened={dialog === 'merge'} partner={partner} onClose={() => setDialog(null)} />
      <ConfirmModal
        opened={dialog === 'delete'}
        title={t('partners.deleteTitle', { name: partner.name })}
        confirmLabel={t('common.delete')}
        loading={remove.isPending}
        onConfirm={confirmDelete}
        onClose={() => setDialog(null)}
      >
        <Text size="sm">{t('partners.deleteText')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function ContactsCard({ partner }: { partner: Partner }) {
  const t = useT();
  return (
    <Card withBorder radius="lg" padding="lg">
      <Title order={4} mb="md">
        {t('partner.contacts')}
      </Title>
      {partner.contacts.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partner.noContacts')}
        </Text>
      ) : (
        <Stack gap="sm">
          {partner.contacts.map((contact, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: contacts have no id of their own
            <Stack key={index} gap={0}>
              <Text size="sm" fw={600}>
                {contact.name}
                {contact.role && (
                  <Text span size="sm" c="dimmed" fw={400}>
                    {' · '}
                    {contact.role}
                  </Text>
                )}
              </Text>
              {contact.email && (
                <Anchor href={`mailto:${contact.email}`} size="sm">
                  {contact.email}
                </Anchor>
              )}
              {contact.phone && <Text size="sm">{contact.phone}</Text>}
            </Stack>
          ))}
        </Stack>
      )}
    </Card>
  );
}

const PARTNER_CONTRACT_COLUMNS = BUILT_IN_COLUMNS.filter((c) =>
  ['title', 'contractNumber', 'status', 'noticeDeadline', 'endsOn'].includes(c.id),
);

function PartnerContracts({ partnerId }: { partnerId: string }) {
  const t = useT();
  const me = useCurrentMe();
  const contracts = useContracts({ partnerId, sort: 'noticeDeadline' });
  const items = allItems(contracts.data);
  return (
    <Card withBorder radius="lg" padding="lg">
      <Group justify="space-between" mb="md">
        <Title order={4}>{t('partner.contracts')}</Title>
        {meCan(me, 'createContracts') && (
          <Button
            size="xs"
            variant="light"
            component={Link}
            to={`/contracts/new?partnerId=${partnerId}`}
            leftSection={<IconPlus size={14} />}
          >
            {t('contracts.create')}
          </Button>
        )}
      </Group>
      {contracts.isPending ? (
        <TableSkeleton rows={3} />
      ) : contracts.isError ? (
        <ErrorState error={contracts.error} onRetry={() => void contracts.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('partner.noContracts')}
        </Text>
      ) : (
        <>
          <ContractsTable contracts={items} columns={PARTNER_CONTRACT_COLUMNS} />
          <LoadMore
            hasMore={contracts.hasNextPage}
            loading={contracts.isFetchingNextPage}
            onLoad={() => void contracts.fetchNextPage()}
          />
        </>
      )}
    </Card>
  );
}

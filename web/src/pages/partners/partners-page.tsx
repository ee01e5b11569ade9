import { Anchor, Button, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBuildingStore, IconFileImport, IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { meCan } from '../../api/abilities.js';
import { allItems } from '../../api/paging.js';
import { useCurrentMe } from '../../api/use-me.js';
import { type Partner, usePartners } from '../../api/use-partners.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { PartnerFormModal } from './partner-form-modal.js';
import { PARTNER_TYPES } from './partner-form-values.js';

export function PartnersPage() {
  const t = useT();
  const me = useCurrentMe();
  const navigate = useNavigate();
  const [search, setSearch] = useState('');
  const [type, setType] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.trim(), 300);
  const [creating, setCreating] = useState(false);
  return (
    <Stack gap="md">
      <PageHeader
        title={t('partners.title')}
        description={t('partners.description')}
        mb="xs"
        actions={
          meCan(me, 'editPartners') && (
            <>
              <Button
                variant="default"
                component={Link}
                to="/imports/new?entity=partner"
                leftSection={<IconFileImport size={16} />}
              >
                {t('imports.action')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
                {t('partners.create')}
              </Button>
            </>
          )
        }
      />
      <Paper withBorder radius="md" p="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            aria-label={t('partners.search')}
            placeholder={t('partners.searchPlaceholder')}
            leftSection={<IconSearch size={16} />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
          />
          <Select
            aria-label={t('partner.type')}
            placeholder={t('partners.anyType')}
            clearable
            clearButtonProps={{ 'aria-label': t('common.clear') }}
            value={type}
            data={PARTNER_TYPES.map((v) => ({ value: v, label: t(`partnerType.${v}`) }))}
            onChange={setType}
          />
        </SimpleGrid>
      </Paper>
      <PartnerResults q={q || undefined} type={type ?? undefined} />
      <PartnerFormModal
        opened={creating}
        partner={null}
        onClose={() => setCreating(false)}
        onSaved={(partner) => navigate(`/partners/${partner.id}`)}
      />
    </Stack>
  );
}

function PartnerResults({ q, type }: { q?: string; type?: string }) {
  const t = useT();
  const partners = usePartners({ q, type });
  if (partners.isPending) return <TableSkeleton rows={6} />;
  if (partners.isError) return <ErrorState error={partners.error} onRetry={() => void partners.refetch()} />;
  const items = allItems(partners.data);
  if (items.length === 0) {
    const filtered = Boolean(q || type);
    return (
      <EmptyBox
        icon={<IconBuildingStore />}
        title={filtered ? t('partners.emptyFilteredTitle') : t('partners.emptyTitle')}
        description={filtered ? undefined : t('partners.emptyText')}
      />
    );
  }
  return (
    <div>
      <Paper withBorder radius="md">
        <PartnersTable partners={items} />
      </Paper>
      <LoadMore
        hasMore={partners.hasNextPage}
        loading={partners.isFetchingNextPage}
        onLoad={() => void partners.fetchNextPage()}
      />
    </div>
  );
}

function PartnersTable({ partners }: { partners: Partner[] }) {
  const t = useT();
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table horizontalSpacing="md" className="nowrap-head">
        <Table.Thead>
          <Table.Tr>
            <Table.Th className="sticky-col">{t('partner.name')}</Table.Th>
            <Table.Th>{t('partner.type')}</Table.Th>
            <Table.Th>{t('partner.vatId')}</Table.Th>
            <Table.Th>{t('partner.city')}</Table.Th>
            <Table.Th>{t('partner.contacts')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {partners.map((partner) => (
            <Table.Tr key={partner.id}>
              <Table.Td className="sticky-col" miw={180}>
                <Anchor component={Link} to={`/partners/${partner.id}`} size="sm" fw={500} className="break-anywhere">
                  {partner.name}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{t(`partnerType.${partner.type}`)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{partner.vatId ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{partner.address?.city ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{partner.contacts.length}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

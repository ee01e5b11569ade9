import { Paper, Stack, Text, Title } from '@mantine/core';
import { IconUsersGroup } from '@tabler/icons-react';
import { allItems } from '../../../api/paging.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useScimGroups } from '../../../api/use-scim.js';
import { LoadMore } from '../../../components/load-more.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { ScimGroupsList } from './scim-groups-list.js';
import { ScimTokenCard } from './scim-token-card.js';

/** SCIM provisioning: the identity provider's token and base URL, and which group grants which role. */
export function ProvisioningPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  if (!abilities.manageUsers) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('scim.title')} description={t('scim.description')} />
      <Stack gap="xl">
        <ScimTokenCard />
        <section aria-labelledby="scim-groups-title">
          <Title order={2} size="h4" id="scim-groups-title" mb={4}>
            {t('scim.groupsTitle')}
          </Title>
          <Text size="sm" c="dimmed" mb="md" maw={760}>
            {t('scim.groupsText')}
          </Text>
          <GroupsContent />
        </section>
      </Stack>
    </>
  );
}

function GroupsContent() {
  const t = useT();
  const groups = useScimGroups();
  const units = useBusinessUnits();
  if (groups.isPending) return <TableSkeleton rows={3} />;
  if (groups.isError) return <ErrorState error={groups.error} onRetry={() => void groups.refetch()} />;
  const items = allItems(groups.data);
  if (items.length === 0) {
    return (
      <EmptyBox icon={<IconUsersGroup />} title={t('scim.groupsEmptyTitle')} description={t('scim.groupsEmptyText')} />
    );
  }
  return (
    <>
      <Paper withBorder radius="md">
        <ScimGroupsList groups={items} units={units.data ?? []} />
      </Paper>
      <LoadMore
        hasMore={groups.hasNextPage}
        loading={groups.isFetchingNextPage}
        onLoad={() => void groups.fetchNextPage()}
      />
    </>
  );
}

import { Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { allItems } from '../../../api/paging.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { useUsers } from '../../../api/use-users.js';
import { LoadMore } from '../../../components/load-more.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { InviteUserModal } from './invite-user-modal.js';
import { UsersMatrix } from './users-matrix.js';

export function UsersPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const [inviteOpened, invite] = useDisclosure(false);
  if (!abilities.manageUsers) return <NoAccess />;
  return (
    <>
      <PageHeader
        title={t('users.title')}
        description={t('users.description')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={invite.open}>
            {t('users.invite')}
          </Button>
        }
      />
      <UsersContent onInvite={invite.open} />
      <InviteUserModal opened={inviteOpened} onClose={invite.close} />
    </>
  );
}

function UsersContent({ onInvite }: { onInvite: () => void }) {
  const t = useT();
  const users = useUsers();
  const units = useBusinessUnits();
  if (users.isPending || units.isPending) return <TableSkeleton />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => void users.refetch()} />;
  if (units.isError) return <ErrorState error={units.error} onRetry={() => void units.refetch()} />;
  const items = allItems(users.data);
  if (items.length === 0) {
    return (
      <EmptyBox
        icon={<IconUsers />}
        title={t('users.emptyTitle')}
        description={t('users.emptyText')}
        action={<Button onClick={onInvite}>{t('users.invite')}</Button>}
      />
    );
  }
  return (
    <>
      <Paper withBorder radius="md">
        <UsersMatrix users={items} units={units.data} />
      </Paper>
      <LoadMore
        hasMore={users.hasNextPage}
        loading={users.isFetchingNextPage}
        onLoad={() => void users.fetchNextPage()}
      />
    </>
  );
}

import { Button, Paper } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { allItems } from '../../../api/paging.js';
import { type ApiKey, useApiKeys } from '../../../api/use-api-keys.js';
import { useBusinessUnits } from '../../../api/use-business-units.js';
import { useCurrentMe } from '../../../api/use-me.js';
import { LoadMore } from '../../../components/load-more.js';
import { PageHeader } from '../../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../../components/states.js';
import { useT } from '../../../i18n/i18n-context.js';
import { ApiKeysTable } from './api-keys-table.js';
import { CreateApiKeyModal } from './create-api-key-modal.js';
import { RevokeApiKeyModal } from './revoke-api-key-modal.js';

export function ApiKeysPage() {
  const t = useT();
  const { abilities } = useCurrentMe();
  const [createOpened, create] = useDisclosure(false);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  if (!abilities.manageApiKeys) return <NoAccess />;
  return (
    <>
      <PageHeader
        title={t('apiKeys.title')}
        description={t('apiKeys.description')}
        actions={
          <Button leftSection={<IconPlus size={16} />} onClick={create.open}>
            {t('apiKeys.create')}
          </Button>
        }
      />
      <ApiKeysContent onCreate={create.open} onRevoke={setRevoking} />
      <CreateApiKeyModal opened={createOpened} onClose={create.close} />
      <RevokeApiKeyModal apiKey={revoking} onClose={() => setRevoking(null)} />
    </>
  );
}

function ApiKeysContent({ onCreate, onRevoke }: { onCreate: () => void; onRevoke: (key: ApiKey) => void }) {
  const t = useT();
  const keys = useApiKeys();
  const units = useBusinessUnits();
  if (keys.isPending) return <TableSkeleton rows={3} />;
  if (keys.isError) return <ErrorState error={keys.error} onRetry={() => void keys.refetch()} />;
  const items = allItems(keys.data);
  if (items.length === 0) {
    return (
      <EmptyBox
        icon={<IconKey />}
        title={t('apiKeys.emptyTitle')}
        description={t('apiKeys.emptyText')}
        action={<Button onClick={onCreate}>{t('apiKeys.create')}</Button>}
      />
    );
  }
  return (
    <>
      <Paper withBorder radius="md">
        <ApiKeysTable keys={items} units={units.data ?? []} onRevoke={onRevoke} />
      </Paper>
      <LoadMore hasMore={keys.hasNextPage} loading={keys.isFetchingNextPage} onLoad={() => void keys.fetchNextPage()} />
    </>
  );
}

import { Box, Stack } from '@mantine/core';
import { IconInbox } from '@tabler/icons-react';
import { DOCUMENT_ACCEPT } from '../../../../common/document-types.js';
import { meCan } from '../../api/abilities.js';
import { allItems } from '../../api/paging.js';
import { useInbox, useInboxAddress } from '../../api/use-inbox.js';
import { useCurrentMe } from '../../api/use-me.js';
import { FileDropZone } from '../../components/file-drop-zone.js';
import { LoadMore } from '../../components/load-more.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, TableSkeleton } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { UploadList } from '../documents/upload-list.js';
import { useUploads } from '../documents/use-uploads.js';
import { InboxAddressLine } from './inbox-address.js';
import { InboxRow } from './inbox-row.js';

const PLACE = 'inbox';

/** /inbox: documents waiting to be filed, newest first; drop more in, several at once. */
export function InboxPage() {
  const t = useT();
  const me = useCurrentMe();
  if (!meCan(me, 'createContracts')) return <NoAccess />;
  return (
    <>
      <PageHeader title={t('inbox.title')} description={t('inbox.description')} />
      <InboxContent />
    </>
  );
}

function InboxContent() {
  const t = useT();
  const uploads = useUploads();
  return (
    <Stack gap="md">
      <FileDropZone
        title={t('inbox.dropTitle')}
        hint={t('inbox.dropHint')}
        buttonLabel={t('documents.chooseFiles')}
        accept={DOCUMENT_ACCEPT}
        onFiles={(files) => uploads.start(PLACE, { inbox: true }, files)}
      />
      <UploadList uploads={uploads} place={PLACE} />
      <InboxList />
    </Stack>
  );
}

function InboxList() {
  const t = useT();
  const inbox = useInbox();
  const address = useInboxAddress();
  const mailTo = address.data?.address ?? null;
  if (inbox.isPending) return <TableSkeleton rows={4} />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => void inbox.refetch()} />;
  const items = allItems(inbox.data);
  if (items.length === 0) {
    return (
      <EmptyBox
        icon={<IconInbox />}
        title={t('inbox.emptyTitle')}
        description={mailTo ? t('inbox.emptyText') : t('inbox.emptyNoMail')}
        action={mailTo && <InboxAddressLine address={mailTo} centred />}
      />
    );
  }
  return (
    <div>
      {mailTo && (
        <Box mb="md">
          <InboxAddressLine address={mailTo} />
        </Box>
      )}
      <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('inbox.list')}>
        {items.map((document) => (
          <InboxRow key={document.id} document={document} />
        ))}
      </Stack>
      <LoadMore
        hasMore={inbox.hasNextPage}
        loading={inbox.isFetchingNextPage}
        onLoad={() => void inbox.fetchNextPage()}
      />
    </div>
  );
}

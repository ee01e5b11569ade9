import { Box, Button, Grid, Paper, SegmentedControl, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconEyeOff, IconInboxOff, IconSignature } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { meCan } from '../../api/abilities.js';
import { type Document, useDocument } from '../../api/use-documents.js';
import { useCurrentMe } from '../../api/use-me.js';
import { BackLink } from '../../components/back-link.js';
import { PageHeader } from '../../components/page-header.js';
import { EmptyBox, ErrorState, NoAccess, PageLoader } from '../../components/states.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { fileKind } from '../documents/file-kinds.js';
import { VersionPreview } from '../documents/preview-page.js';
import { useStartSigning } from '../signing/use-start-signing.js';
import { AttachPanel } from './attach-panel.js';
import { ConvertPanel } from './convert-panel.js';

/** /inbox/:id: a waiting document beside what to do with it, a new contract or an existing one. */
export function InboxReviewPage() {
  const { id = '' } = useParams();
  const me = useCurrentMe();
  if (!meCan(me, 'createContracts')) return <NoAccess />;
  return <Review id={id} />;
}

function Review({ id }: { id: string }) {
  const t = useT();
  const document = useDocument(id);
  if (document.isPending) return <PageLoader />;
  if (document.isError) return <ErrorState error={document.error} onRetry={() => void document.refetch()} />;
  if (!document.data.inInbox) {
    const contractId = document.data.contractId;
    return (
      <Stack gap="md">
        <BackLink to="/inbox">{t('inbox.backToInbox')}</BackLink>
        <EmptyBox
          icon={<IconInboxOff />}
          title={t('inbox.filedTitle')}
          description={t('inbox.filedText')}
          action={
            contractId && (
              <Button component={Link} to={`/contracts/${contractId}?tab=documents`}>
                {t('inbox.openContract')}
              </Button>
            )
          }
        />
      </Stack>
    );
  }
  return <ReviewView document={document.data} />;
}

function ReviewView({ document }: { document: Document }) {
  const { t, fmt } = useI18n();
  const [action, setAction] = useState<'create' | 'attach'>('create');
  const wide = useMediaQuery('(min-width: 75em)') ?? true;
  const startSigning = useStartSigning();
  const version = document.versions[0];
  const description = [
    version ? t(`documents.kind.${fileKind(version.mimeType)}`) : null,
    version ? fmt.bytes(version.size) : null,
    fmt.dateTime(document.createdAt),
  ]
    .filter(Boolean)
    .join(' · ');
  const preview = version ? (
    <VersionPreview document={document} version={version} />
  ) : (
    <EmptyBox icon={<IconEyeOff />} title={t('documents.noPreview')} description={t('documents.noPreviewText')} />
  );
  return (
    <Stack gap="md">
      <BackLink to="/inbox">{t('inbox.backToInbox')}</BackLink>
      <PageHeader
        title={document.name}
        description={description}
        mb={0}
        actions={
          // The same action as a contract's documents tab: a draft of the newest version, then its editor.
          version?.mimeType === 'application/pdf' && (
            <Button
              variant="default"
              leftSection={<IconSignature size={16} />}
              onClick={() => startSigning(document.id)}
            >
              {t('signing.sendForSignature')}
            </Button>
          )
        }
      />
      <Grid gap="md">
        <Grid.Col span={wide ? 7 : 12}>
          {/* Beside the form the document stays in view while the long form scrolls. */}
          <Box style={wide ? { position: 'sticky', top: 76 } : undefined}>{preview}</Box>
        </Grid.Col>
        <Grid.Col span={wide ? 5 : 12}>
          <Paper
            withBorder
            radius="lg"
            p={{ base: 'md', sm: 'lg' }}
            component="section"
            aria-label={t('inbox.actions')}
          >
            <Stack gap="md">
              <SegmentedControl
                fullWidth
                aria-label={t('inbox.actions')}
                value={action}
                onChange={(value) => setAction(value as 'create' | 'attach')}
                data={[
                  { value: 'create', label: t('inbox.create') },
                  { value: 'attach', label: t('inbox.attach') },
                ]}
              />
              <Text size="sm" c="dimmed">
                {action === 'create' ? t('inbox.createIntro') : t('inbox.attachIntro')}
              </Text>
              {action === 'create' ? <ConvertPanel document={document} /> : <AttachPanel document={document} />}
            </Stack>
          </Paper>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

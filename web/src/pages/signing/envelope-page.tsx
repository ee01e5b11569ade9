import { Anchor, Button, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPencil, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { apiUrl } from '../../api/client.js';
import { type Envelope, useDeleteEnvelope, useEnvelope } from '../../api/use-envelopes.js';
import { BackLink } from '../../components/back-link.js';
import { ConfirmModal } from '../../components/confirm-modal.js';
import { Fact } from '../../components/fact.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { PageHeader } from '../../components/page-header.js';
import { ErrorState, PageLoader } from '../../components/states.js';
import { useI18n, useT } from '../../i18n/i18n-context.js';
import { envelopeHome } from './envelope-editor-page.js';
import { EnvelopeStatusBadge, RecipientStatusBadge } from './envelope-status.js';
import { EnvelopeTimeline } from './envelope-timeline.js';
import { RecipientActions } from './recipient-actions.js';

export function EnvelopePage() {
  const { id = '' } = useParams();
  const envelope = useEnvelope(id);
  if (envelope.isPending) return <PageLoader />;
  if (envelope.isError) return <ErrorState error={envelope.error} onRetry={() => void envelope.refetch()} />;
  return <EnvelopeView envelope={envelope.data} />;
}

/** A signature request as it stands: who receives it, in what state, and what can be done now. */
function EnvelopeView({ envelope }: { envelope: Envelope }) {
  const { t, fmt } = useI18n();
  const navigate = useNavigate();
  const home = envelopeHome(envelope);
  const remove = useDeleteEnvelope(() => {
    notifySuccess(t('signing.envelope.deleted'));
    navigate(home);
  });
  const [confirm, setConfirm] = useState(false);
  const onDelete = () =>
    remove.mutate(envelope.id, {
      onError: (error) => notifyError(t, error),
    });
  return (
    <Stack gap="md">
      <BackLink to={home}>{t(envelope.contractId ? 'signing.backToContract' : 'signing.backToDocument')}</BackLink>
      <PageHeader
        title={envelope.title}
        mb={0}
        description={<EnvelopeStatusBadge status={envelope.status} />}
        actions={
          <>
            {envelope.sealedVersion !== null && (
              <Button
                component="a"
                href={apiUrl(`/envelopes/${envelope.id}/download`)}
                download
                leftSection={<IconDownload size={16} />}
              >
                {t('signing.envelope.download')}
              </Button>
            )}
            {envelope.abilities.edit && (
              <Button component={Link} to={`/envelopes/${envelope.id}/edit`} leftSection={<IconPencil size={16} />}>
                {t('signing.envelope.edit')}
              </Button>
            )}
            {envelope.abilities.edit && (
              <Button
                variant="light"
                color="red"
                leftSection={<IconTrash size={16} />}
                onClick={() => setConfirm(true)}
              >
                {t('signing.envelope.delete')}
              </Button>
            )}
          </>
        }
      />
      <Card withBorder radius="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Fact label={t('signing.envelope.created')} value={fmt.dateTime(envelope.createdAt)} />
          <Fact label={t('signing.envelope.sentAt')} value={envelope.sentAt ? fmt.dateTime(envelope.sentAt) : '—'} />
          <Fact label={t('signing.envelope.fields')} value={envelope.fields.length} />
          <Fact
            label={t('signing.envelope.expires')}
            value={
              envelope.expiresAt
                ? fmt.dateTime(envelope.expiresAt)
                : t('signing.envelope.expiresIn', { days: envelope.expiresInDays })
            }
          />
          <Fact
            label={t('signing.envelope.reminders')}
            value={
              envelope.reminderEveryDays
                ? t('signing.envelope.remindEvery', { days: envelope.reminderEveryDays })
                : t('signing.envelope.noReminders')
            }
          />
          <Fact
            label={t('signing.envelope.document')}
            value={
              <Anchor component={Link} to={`/documents/${envelope.documentId}/preview`}>
                {t('documents.versionN', { number: envelope.sourceVersion })}
              </Anchor>
            }
          />
        </SimpleGrid>
        {envelope.message && (
          <Text size="sm" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
            {envelope.message}
          </Text>
        )}
      </Card>
      <Title order={2} size="h4">
        {t('signing.recipients.title')}
      </Title>
      <Recipients envelope={envelope} />
      <EnvelopeTimeline envelopeId={envelope.id} />
      <ConfirmModal
        opened={confirm}
        title={t('signing.envelope.deleteTitle')}
        confirmLabel={t('signing.envelope.delete')}
        loading={remove.isPending}
        onConfirm={onDelete}
        onClose={() => setConfirm(false)}
      >
        <Text size="sm">{t('signing.envelope.deleteText')}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function Recipients({ envelope }: { envelope: Envelope }) {
  const t = useT();
  if (envelope.recipients.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('signing.envelope.noRecipients')}
      </Text>
    );
  }
  return (
    <Stack gap="xs" component="ul" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('signing.recipients.title')}>
      {envelope.recipients.map((r) => (
        <Paper key={r.id} withBorder radius="md" p="sm" component="li" aria-label={r.name}>
          <Group justify="space-between" gap="sm" wrap="wrap">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600} className="break-anywhere">
                {r.position}. {r.name}
              </Text>
              <Text size="xs" c="dimmed" className="break-anywhere">
                {r.email}
              </Text>
            </Stack>
            <Group gap="sm" wrap="wrap">
              <Text size="sm">{t(`signing.role.${r.role}`)}</Text>
              {r.role !== 'cc' && (
                <Text size="sm" c="dimmed">
                  {t('signing.envelope.fieldCount', {
                    count: envelope.fields.filter((f) => f.recipientId === r.id).length,
                  })}
                </Text>
              )}
              {r.requireCode && (
                <Text size="sm" c="dimmed">
                  {t('signing.envelope.codeRequired')}
                </Text>
              )}
              <RecipientStatusBadge status={r.status} />
            </Group>
          </Group>
          <RecipientActions envelope={envelope} recipient={r} />
        </Paper>
      ))}
    </Stack>
  );
}

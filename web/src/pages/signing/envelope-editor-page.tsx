import { Alert, Anchor, Button, Group, Stack, Stepper } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import { Link, useParams, useSearchParams } from 'react-router';
import { type Envelope, useEnvelope } from '../../api/use-envelopes.js';
import { BackLink } from '../../components/back-link.js';
import { PageHeader } from '../../components/page-header.js';
import { ErrorState, PageLoader } from '../../components/states.js';
import { useT } from '../../i18n/i18n-context.js';
import { EnvelopeStatusBadge } from './envelope-status.js';
import { FieldsStep } from './fields-step.js';
import { RecipientsStep } from './recipients-step.js';
import { SendStep } from './send-step.js';

const STEPS = ['recipients', 'fields', 'send'] as const;

export function EnvelopeEditorPage() {
  const { id = '' } = useParams();
  const envelope = useEnvelope(id);
  if (envelope.isPending) return <PageLoader />;
  if (envelope.isError) return <ErrorState error={envelope.error} onRetry={() => void envelope.refetch()} />;
  return <Editor envelope={envelope.data} />;
}

/** Where the envelope came from: its contract's Signing tab, or the document's preview. */
export function envelopeHome(envelope: Envelope): string {
  return envelope.contractId
    ? `/contracts/${envelope.contractId}?tab=signing`
    : `/documents/${envelope.documentId}/preview`;
}

function Editor({ envelope }: { envelope: Envelope }) {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const step = Math.max(0, STEPS.indexOf((params.get('step') ?? 'recipients') as (typeof STEPS)[number]));
  const go = (index: number) => setParams({ step: STEPS[index]! }, { replace: true });
  return (
    <Stack gap="md">
      <BackLink to={envelopeHome(envelope)}>{t('signing.backToContract')}</BackLink>
      <PageHeader
        title={t('signing.editor.title', { title: envelope.title })}
        mb={0}
        description={<EnvelopeStatusBadge status={envelope.status} />}
        actions={
          <Button component={Link} to={`/envelopes/${envelope.id}`} variant="default">
            {t('signing.editor.overview')}
          </Button>
        }
      />
      {!envelope.abilities.edit ? (
        <Alert color="yellow">
          {t('signing.editor.readOnly')}{' '}
          <Anchor component={Link} to={`/envelopes/${envelope.id}`}>
            {t('signing.editor.overview')}
          </Anchor>
        </Alert>
      ) : (
        <>
          <Stepper active={step} onStepClick={go} size="sm">
            {STEPS.map((s) => (
              <Stepper.Step key={s} label={t(`signing.step.${s}`)} />
            ))}
          </Stepper>
          {step === 0 && <RecipientsStep envelope={envelope} onDone={() => go(1)} />}
          {step === 1 && <FieldsStep envelope={envelope} />}
          {step === 2 && <SendStep envelope={envelope} />}
          <Group justify="space-between">
            {step > 0 ? (
              <Button variant="default" leftSection={<IconArrowLeft size={16} />} onClick={() => go(step - 1)}>
                {t('signing.editor.back')}
              </Button>
            ) : (
              <span />
            )}
            {step === 1 && (
              <Button rightSection={<IconArrowRight size={16} />} onClick={() => go(2)}>
                {t('signing.editor.next')}
              </Button>
            )}
          </Group>
        </>
      )}
    </Stack>
  );
}

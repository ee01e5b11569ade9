import { Alert, Button, Group, List, NumberInput, Stack, Switch, Text, Textarea, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { type Envelope, usePatchEnvelope, useSendEnvelope } from '../../api/use-envelopes.js';
import { notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { useT } from '../../i18n/i18n-context.js';
import { signersOf } from './signer-colours.js';

type Settings = { message: string; expiresInDays: number; reminderEveryDays: number | null; signingOrder: boolean };

/** Step 3: the message, expiry, reminders and order; then a review of what is missing, and Send. */
export function SendStep({ envelope }: { envelope: Envelope }) {
  const t = useT();
  const patch = usePatchEnvelope(envelope.id);
  const [form, setForm] = useState<Settings>({
    message: envelope.message ?? '',
    expiresInDays: envelope.expiresInDays,
    reminderEveryDays: envelope.reminderEveryDays,
    signingOrder: envelope.signingOrder,
  });
  const set = (change: Partial<Settings>) => setForm({ ...form, ...change });
  const settings = { ...form, message: form.message.trim() === '' ? null : form.message };
  const saveSettings = () =>
    patch.mutate(settings, { onSuccess: () => notifySuccess(t('signing.send.settingsSaved')) });
  return (
    <Stack gap="md" maw={640}>
      <Textarea
        label={t('signing.send.message')}
        description={t('signing.send.messageHint')}
        value={form.message}
        onChange={(e) => set({ message: e.currentTarget.value })}
        autosize
        minRows={3}
        maxLength={2000}
      />
      <Group gap="md" align="flex-start">
        <NumberInput
          label={t('signing.send.expiresInDays')}
          value={form.expiresInDays}
          min={1}
          max={365}
          allowDecimal={false}
          onChange={(value) => set({ expiresInDays: typeof value === 'number' ? value : 30 })}
          w={200}
        />
        <NumberInput
          label={t('signing.send.reminderEveryDays')}
          description={t('signing.send.reminderHint')}
          value={form.reminderEveryDays ?? ''}
          min={1}
          max={30}
          allowDecimal={false}
          onChange={(value) => set({ reminderEveryDays: typeof value === 'number' ? value : null })}
          w={240}
        />
      </Group>
      <Switch
        label={t('signing.send.signingOrder')}
        description={t('signing.send.signingOrderHint')}
        checked={form.signingOrder}
        onChange={(e) => set({ signingOrder: e.currentTarget.checked })}
      />
      <ProblemAlert error={patch.error ? describeError(t, patch.error) : null} />
      <Group>
        <Button variant="default" onClick={saveSettings} loading={patch.isPending}>
          {t('signing.send.saveSettings')}
        </Button>
      </Group>
      {/* Sending saves the settings first, so none typed here is lost. */}
      <Review envelope={envelope} beforeSend={() => patch.mutateAsync(settings)} />
    </Stack>
  );
}

function Review({ envelope, beforeSend }: { envelope: Envelope; beforeSend: () => Promise<unknown> }) {
  const t = useT();
  const navigate = useNavigate();
  const send = useSendEnvelope(envelope.id);
  const signers = signersOf(envelope);
  const missing = signers.filter((s) => !envelope.fields.some((f) => f.recipientId === s.id && f.type === 'signature'));
  const ready = signers.length > 0 && missing.length === 0;
  return (
    <Stack gap="sm">
      <Title order={2} size="h4">
        {t('signing.send.review')}
      </Title>
      <List spacing={4} size="sm" aria-label={t('signing.send.review')}>
        {signers.map((s) => {
          const count = envelope.fields.filter((f) => f.recipientId === s.id).length;
          return (
            <List.Item key={s.id}>
              {t(count === 1 ? 'signing.send.signerFields.one' : 'signing.send.signerFields.other', {
                name: s.name,
                email: s.email,
                count,
              })}
            </List.Item>
          );
        })}
      </List>
      {signers.length === 0 && <Alert color="yellow">{t('signing.send.noSigners')}</Alert>}
      {missing.length > 0 && (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('signing.send.missingTitle')}>
          {t('signing.send.missing', { names: missing.map((s) => s.name).join(', ') })}
        </Alert>
      )}
      {ready && (
        <Text size="sm" c="green.8">
          <IconCircleCheck size={16} style={{ verticalAlign: 'text-bottom' }} aria-hidden /> {t('signing.send.ready')}
        </Text>
      )}
      <ProblemAlert error={send.error ? describeError(t, send.error) : null} />
      {envelope.abilities.send && (
        <Group>
          <Button
            leftSection={<IconSend size={16} />}
            disabled={!ready}
            loading={send.isPending}
            onClick={() =>
              beforeSend().then(
                () => send.mutate(undefined, { onSuccess: () => navigate(`/envelopes/${envelope.id}`) }),
                // The settings' problem is shown by their alert above.
                () => undefined,
              )
            }
          >
            {t('signing.send.send')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { IconMailForward, IconPencil } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { fieldName, isApiError } from '../../api/api-error.js';
import {
  type Envelope,
  type EnvelopeRecipient,
  useChangeRecipient,
  useResendRecipient,
} from '../../api/use-envelopes.js';
import { AppModal } from '../../components/app-modal.js';
import { notifyError, notifySuccess } from '../../components/notify.js';
import { ProblemAlert } from '../../components/problem-alert.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import { ownSubmit } from '../../forms/own-submit.js';
import { useT } from '../../i18n/i18n-context.js';

/** Resend and "Change e-mail" for one recipient, each shown only when the server's abilities allow it. */
export function RecipientActions({ envelope, recipient }: { envelope: Envelope; recipient: EnvelopeRecipient }) {
  const t = useT();
  const resend = useResendRecipient(envelope.id);
  const [changing, setChanging] = useState(false);
  if (!recipient.abilities.resend && !recipient.abilities.change) return null;
  const onResend = () =>
    resend.mutate(recipient.id, {
      onSuccess: () => notifySuccess(t('signing.recipient.resent', { email: recipient.email })),
      onError: (error) => notifyError(t, error),
    });
  return (
    <Group gap="xs" wrap="wrap" mt="xs">
      {recipient.abilities.resend && (
        <Button
          size="xs"
          variant="light"
          leftSection={<IconMailForward size={14} />}
          loading={resend.isPending}
          onClick={onResend}
          aria-label={t('signing.recipient.resendTo', { name: recipient.name })}
        >
          {t('signing.recipient.resend')}
        </Button>
      )}
      {recipient.abilities.change && (
        <Button
          size="xs"
          variant="default"
          leftSection={<IconPencil size={14} />}
          onClick={() => setChanging(true)}
          aria-label={t('signing.recipient.changeFor', { name: recipient.name })}
        >
          {t('signing.recipient.change')}
        </Button>
      )}
      <AppModal opened={changing} onClose={() => setChanging(false)} title={t('signing.recipient.changeTitle')}>
        {changing && <ChangeForm envelope={envelope} recipient={recipient} onDone={() => setChanging(false)} />}
      </AppModal>
    </Group>
  );
}

function ChangeForm({
  envelope,
  recipient,
  onDone,
}: {
  envelope: Envelope;
  recipient: EnvelopeRecipient;
  onDone: () => void;
}) {
  const t = useT();
  const change = useChangeRecipient(envelope.id);
  const [name, setName] = useState(recipient.name);
  const [email, setEmail] = useState(recipient.email);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = (_event: FormEvent) => {
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = t('validation.required');
    if (!email.trim()) next.email = t('validation.required');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    change.mutate(
      { rid: recipient.id, name: name.trim(), email: email.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('signing.recipient.changed', { name: name.trim() }));
          onDone();
        },
        onError: (error) => {
          const problems = isApiError(error) ? error.fieldErrors : [];
          setErrors(Object.fromEntries(problems.map((p) => [fieldName(p.field), fieldProblemMessage(t, p)])));
        },
      },
    );
  };
  const failure = change.error;
  const placed = isApiError(failure) && failure.fieldErrors.length > 0;
  return (
    <form onSubmit={ownSubmit(submit)} noValidate>
      <Stack>
        <Text size="sm">{t('signing.recipient.changeText')}</Text>
        {failure && !placed && <ProblemAlert error={describeError(t, failure)} />}
        <TextInput
          label={t('signing.recipients.name')}
          required
          value={name}
          error={errors.name}
          maxLength={200}
          onChange={(e) => setName(e.currentTarget.value)}
        />
        <TextInput
          label={t('signing.recipients.email')}
          type="email"
          required
          data-autofocus
          value={email}
          error={errors.email}
          maxLength={254}
          onChange={(e) => setEmail(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={change.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

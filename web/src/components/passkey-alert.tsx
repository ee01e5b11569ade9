import { Alert, Text } from '@mantine/core';
import { IconAlertCircle, IconInfoCircle } from '@tabler/icons-react';
import { isApiError } from '../api/api-error.js';
import { describeError } from '../forms/describe-error.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/i18n-context.js';

/** What the browser's own WebAuthn errors mean for the person; null for anything else. */
function browserProblem(error: unknown): MessageKey | null {
  if (!(error instanceof Error) || isApiError(error)) return null;
  switch (error.name) {
    case 'NotAllowedError':
    case 'AbortError':
      return 'passkey.cancelled';
    case 'InvalidStateError':
      return 'passkey.alreadyOnDevice';
    case 'NotSupportedError':
    case 'SecurityError':
      return 'passkey.unsupported';
    default:
      return 'passkey.browserFailed';
  }
}

/**
 * A passkey ceremony that did not work: cancelling (or letting it time out) is no error and is
 * said kindly; a refused answer or a browser that cannot do passkeys is.
 */
export function PasskeyAlert({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  const key = browserProblem(error);
  if (key === 'passkey.cancelled') {
    return (
      <Alert color="gray" variant="light" icon={<IconInfoCircle size={18} />} role="status">
        <Text size="sm">{t(key)}</Text>
      </Alert>
    );
  }
  const refused = isApiError(error) && error.fieldErrors.some((e) => e.rule === 'passkey_refused');
  const text = key ? { title: t(key) } : refused ? { title: t('validation.passkey_refused') } : describeError(t, error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle size={18} />} title={text.title} role="alert">
      {'detail' in text && text.detail && <Text size="sm">{text.detail}</Text>}
    </Alert>
  );
}

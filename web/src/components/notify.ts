import { notifications } from '@mantine/notifications';
import { describeError } from '../forms/describe-error.js';
import type { Translate } from '../i18n/translate.js';

export function notifySuccess(message: string): void {
  notifications.show({ color: 'teal', message, autoClose: 4000 });
}

export function notifyError(t: Translate, error: unknown): void {
  const { title, detail, reference } = describeError(t, error);
  notifications.show({
    color: 'red',
    title,
    message: [detail, reference].filter(Boolean).join(' ') || t('problem.tryAgain'),
    autoClose: 8000,
  });
}

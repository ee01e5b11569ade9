import { isApiError } from '../api/api-error.js';
import type { MessageKey } from '../i18n/en.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';

export type ErrorText = { title: string; detail?: string; reference?: string };

/**
 * A failed request in the user's language: the code's title and, when the server named a
 * cause (`reason`), what exactly clashed. The server's English detail is never shown.
 */
export function describeError(t: Translate, error: unknown): ErrorText {
  if (!isApiError(error)) return { title: t('problem.unknown') };
  const titleKey = `problem.${error.code}`;
  const title = isMessageKey(titleKey) ? t(titleKey) : t('problem.unknown');
  const reasonKey = error.reason ? `problem.${error.code}.${error.reason}` : null;
  const detail = reasonKey && isMessageKey(reasonKey) ? t(reasonKey as MessageKey, error.params) : undefined;
  const reference =
    error.status >= 500 && error.requestId ? t('problem.reference', { id: error.requestId }) : undefined;
  return { title, detail, reference };
}

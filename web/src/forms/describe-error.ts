import { isApiError } from '../api/api-error.js';
import type { MessageKey } from '../i18n/en.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';

export type ErrorText = { title: string; detail?: string; reference?: string };

/** Codes whose translated message says everything; for others the server's detail adds the specifics. */
const SELF_EXPLAINING = new Set([
  'invalid_credentials',
  'rate_limited',
  'invalid_token',
  'network_error',
  'unauthenticated',
  'forbidden',
  'not_found',
  'csrf_failed',
  'bad_request',
  'unavailable',
  'validation_failed',
  'invalid_response',
]);

export function describeError(t: Translate, error: unknown): ErrorText {
  if (!isApiError(error)) return { title: t('problem.unknown') };
  const key = `problem.${error.code}`;
  const known = isMessageKey(key);
  const title = known ? t(key as MessageKey) : error.title || t('problem.unknown');
  const detail = SELF_EXPLAINING.has(error.code) || error.detail === title ? undefined : error.detail;
  const reference =
    error.status >= 500 && error.requestId ? t('problem.reference', { id: error.requestId }) : undefined;
  return { title, detail, reference };
}

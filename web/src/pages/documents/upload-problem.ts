import { isApiError } from '../../api/api-error.js';
import { describeError } from '../../forms/describe-error.js';
import { fieldProblemMessage } from '../../forms/issue-message.js';
import type { Translate } from '../../i18n/translate.js';

/**
 * Why the server refused one file, in the reader's language: the rule it broke (wrong type,
 * empty, encrypted, too large…) where it named one, else what the error code says.
 */
export function uploadProblem(t: Translate, error: unknown): string {
  const rule = isApiError(error) ? error.fieldErrors[0] : undefined;
  if (rule) return fieldProblemMessage(t, rule);
  const { title, detail } = describeError(t, error);
  return detail ? `${title}: ${detail}` : title;
}

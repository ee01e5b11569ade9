import { isApiError } from '../../api/api-error.js';
import { describeError, type ErrorText } from '../../forms/describe-error.js';
import { isMessageKey, type Translate } from '../../i18n/translate.js';

/** A refused signature in words: a bad or too large drawing (422/413) names its rule, the rest as any problem. */
export function signProblem(t: Translate, error: unknown): ErrorText {
  const described = describeError(t, error);
  if (!isApiError(error)) return described;
  const rule = error.fieldErrors.map((e) => `validation.${e.rule}`).find(isMessageKey);
  return rule ? { ...described, detail: t(rule) } : described;
}

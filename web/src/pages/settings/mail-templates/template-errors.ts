import { type ApiError, fieldName, isApiError } from '../../../api/api-error.js';
import { fieldProblemMessage } from '../../../forms/issue-message.js';
import type { Translate } from '../../../i18n/translate.js';

export type TemplateErrors = { subject?: string; body?: string };

const EXAMPLE = '{{contractTitle}}';

/** The `{{…}}` a server message names, e.g. "has the unknown placeholder {{foo}}; …". */
function placeholderIn(message: string): string {
  return /\{\{[^{}"\n]*\}\}\}?/.exec(message)?.[0] ?? /\{\{|\}\}/.exec(message)?.[0] ?? '';
}

function messageFor(t: Translate, problem: ApiError['fieldErrors'][number]): string {
  switch (problem.rule) {
    case 'unknown_placeholder':
      return t('mailTemplates.rule.unknown_placeholder', { placeholder: placeholderIn(problem.message) });
    case 'malformed':
      return t('mailTemplates.rule.malformed', { placeholder: placeholderIn(problem.message), example: EXAMPLE });
    case 'render_failed':
      return t('mailTemplates.rule.render_failed');
    default:
      return fieldProblemMessage(t, problem);
  }
}

/** A 422's problems under the subject and body fields (the first for each). */
export function templateErrors(t: Translate, error: unknown): TemplateErrors {
  if (!isApiError(error, 'validation_failed')) return {};
  const errors: TemplateErrors = {};
  for (const problem of error.fieldErrors) {
    const field = fieldName(problem.field);
    if ((field === 'subject' || field === 'body') && !errors[field]) errors[field] = messageFor(t, problem);
  }
  return errors;
}

import type { z } from 'zod';
import type { FieldProblem } from '../api/api-error.js';
import type { MessageKey } from '../i18n/en.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';

function ruleKey(rule: string): MessageKey | null {
  const key = `validation.${rule}`;
  return isMessageKey(key) ? key : null;
}

/** A client-side zod issue in the user's language. */
export function issueMessage(t: Translate, issue: z.core.$ZodIssue): string {
  const rule = issue.code === 'custom' ? (issue.params as { rule?: string } | undefined)?.rule : undefined;
  const fromRule = rule ? ruleKey(rule) : null;
  if (fromRule) return t(fromRule);
  switch (issue.code) {
    case 'too_small':
      return Number(issue.minimum) <= 1
        ? t('validation.required')
        : t('validation.tooShort', { min: String(issue.minimum) });
    case 'too_big':
      return t('validation.tooLong', { max: String(issue.maximum) });
    case 'invalid_format':
      return issue.format === 'email' ? t('validation.email') : t('validation.invalid');
    case 'invalid_type':
      return t('validation.required');
    default:
      return t('validation.invalid');
  }
}

/** A server field error in the user's language when its rule is known, else the server's words. */
export function fieldProblemMessage(t: Translate, problem: FieldProblem): string {
  const key = ruleKey(problem.rule);
  return key ? t(key) : problem.message;
}

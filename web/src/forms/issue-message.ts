import type { z } from 'zod';
import type { FieldProblem, ProblemParams } from '../api/api-error.js';
import type { MessageKey } from '../i18n/en.js';
import { isMessageKey, type Translate } from '../i18n/translate.js';

/**
 * A rule in the user's language: the most specific translation of `validation.<rule>.<entity>`
 * (the list a name clashed in), `validation.<rule>.<fault>` (what exactly is wrong),
 * `validation.<rule>.<origin>` (string, number…) and `validation.<rule>`. Never the validator's own English.
 */
export function ruleMessage(t: Translate, rule: string, params: ProblemParams = {}): string {
  const min = Number(params.min);
  // "At least 1" of a text or a list is plain "required".
  if (rule === 'too_small' && min <= 1 && params.origin !== 'number') return t('validation.required');
  const candidates = [
    params.entity === undefined ? null : `validation.${rule}.${params.entity}`,
    params.fault === undefined ? null : `validation.${rule}.${params.fault}`,
    params.origin === undefined ? null : `validation.${rule}.${params.origin}`,
    `validation.${rule}`,
  ];
  const key = candidates.find((candidate): candidate is MessageKey => !!candidate && isMessageKey(candidate));
  return key ? t(key, params) : t('validation.invalid');
}

/** The rule and values a client-side zod issue stands for, named as the server names them. */
function ruleOfIssue(issue: z.core.$ZodIssue): { rule: string; params: ProblemParams } {
  switch (issue.code) {
    case 'custom': {
      const { rule, ...params } = (issue.params ?? {}) as { rule?: string } & ProblemParams;
      return { rule: rule ?? 'invalid', params };
    }
    case 'too_small':
      return { rule: 'too_small', params: { min: Number(issue.minimum), origin: issue.origin } };
    case 'too_big':
      return { rule: 'too_big', params: { max: Number(issue.maximum), origin: issue.origin } };
    case 'invalid_format':
      return { rule: issue.format === 'email' ? 'email' : 'invalid_format', params: {} };
    case 'invalid_type':
      return { rule: 'required', params: {} };
    default:
      return { rule: issue.code, params: {} };
  }
}

/** A client-side zod issue in the user's language. */
export function issueMessage(t: Translate, issue: z.core.$ZodIssue): string {
  const { rule, params } = ruleOfIssue(issue);
  return ruleMessage(t, rule, params);
}

/** A server field error in the user's language; an untranslated rule reads "not valid", never the server's English. */
export function fieldProblemMessage(t: Translate, problem: FieldProblem): string {
  if (problem.rule === 'invalid_format' && problem.params?.format === 'email') return t('validation.email');
  return ruleMessage(t, problem.rule, problem.params);
}

import { useState } from 'react';
import { reconcileStatus } from '../../../../common/contract-status.js';
import { checkCustomValues, type ValueIssue } from '../../../../common/custom-fields.js';
import type { Computed } from '../../../../common/terms/computed.js';
import { isAfter, todayIn } from '../../../../common/terms/dates.js';
import { computeTerms } from '../../../../common/terms/engine.js';
import { lifecycleSchema } from '../../../../common/terms/lifecycle.js';
import { type FieldProblem, isApiError } from '../../api/api-error.js';
import type { CustomField } from '../../api/use-classification.js';
import { describeError, type ErrorText } from '../../forms/describe-error.js';
import { fieldProblemMessage, issueMessage } from '../../forms/issue-message.js';
import { withDetails } from '../../forms/use-zod-form.js';
import type { MessageKey } from '../../i18n/en.js';
import { useI18n } from '../../i18n/i18n-context.js';
import type { Translate } from '../../i18n/translate.js';
import { type FormValues, toLifecycle } from './contract-form-values.js';

type Name = keyof FormValues & string;

/** Fields filled from a document's text, each with the words it was read from, until a person confirms them. */
export type Suggested = Partial<Record<Name, string>>;

/** Server paths ("body.lifecycle.endDate", "custom.budget") as the form names its fields. */
export function formFieldOf(path: string): string {
  return path.replace(/^body[./]/, '').replace(/^lifecycle[./]/, '');
}

/** The terms as typed so far: validated by the shared schema, previewed by the shared engine. */
function useLivePreview(values: FormValues, today: string) {
  const parsed = lifecycleSchema.safeParse(toLifecycle(values));
  let preview: Computed | null = null;
  if (parsed.success) {
    try {
      preview = computeTerms(parsed.data, today);
    } catch {
      preview = null;
    }
  }
  return { issues: parsed.success ? [] : parsed.error.issues, preview };
}

const CUSTOM_RULES: Record<ValueIssue['rule'], MessageKey> = {
  required: 'validation.required',
  wrong_type: 'customFields.rule.wrong_type',
  unknown_option: 'customFields.rule.unknown_option',
  unknown_field: 'customFields.rule.unknown_field',
  invalid_date: 'validation.invalid_date',
  date_out_of_range: 'validation.date_out_of_range',
  invalid_url: 'customFields.rule.invalid_url',
  too_long: 'customFields.rule.too_long',
  unknown_currency: 'validation.unknown_currency',
};

function customMessages(t: Translate, fields: CustomField[], custom: Record<string, unknown>) {
  const { issues } = checkCustomValues(fields, custom, { requireMandatory: true });
  return Object.fromEntries(issues.map((issue) => [issue.field, t(CUSTOM_RULES[issue.rule])]));
}

export function useContractForm(initial: FormValues, fields: CustomField[], suggested: Suggested = {}) {
  const { t, timeZone } = useI18n();
  const [values, setValues] = useState(initial);
  const [unconfirmed, setUnconfirmed] = useState(suggested);
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [submitted, setSubmitted] = useState(false);
  const [server, setServer] = useState<Record<string, FieldProblem>>({});
  const [problem, setProblem] = useState<unknown>(null);
  const [unplaced, setUnplaced] = useState<FieldProblem[]>([]);
  const today = todayIn(timeZone);
  const { issues, preview } = useLivePreview(values, today);

  const client: Record<string, string> = customMessages(t, fields, values.custom);
  if (values.title.trim() === '') client.title = t('validation.required');
  for (const issue of issues) {
    const name = String(issue.path[0] ?? '');
    const raw = values[name as Name];
    const empty = raw === '' || (typeof raw === 'object' && raw !== null && 'count' in raw && raw.count === '');
    client[name] ??= empty ? t('validation.required') : issueMessage(t, issue);
  }
  // The server's notice rules (contracts.notice.ts), said before saving.
  if (values.noticeGivenOn && !client.noticeGivenOn && isAfter(values.noticeGivenOn, today)) {
    client.noticeGivenOn = t('validation.notice_in_future');
  }
  if (!reconcileStatus(values.status, values.noticeGivenOn).ok)
    client.status = t('validation.terminated_without_notice');

  for (const name of Object.keys(unconfirmed)) client[name] ??= t('form.confirmSuggestion');

  const error = (name: string): string | undefined => {
    const fromServer = server[name];
    // A custom value's rules (e.g. too_long) read differently from the same rule of a password.
    const customRule = name.startsWith('custom.') ? CUSTOM_RULES[fromServer?.rule as ValueIssue['rule']] : undefined;
    if (customRule) return t(customRule);
    if (fromServer) return fieldProblemMessage(t, fromServer);
    return touched.has(name) || submitted ? client[name] : undefined;
  };

  /** A suggested value the person has looked at and keeps. */
  function confirm(name: Name) {
    setUnconfirmed(({ [name]: _confirmed, ...rest }) => rest);
  }

  function set<N extends Name>(name: N, value: FormValues[N]) {
    confirm(name);
    setValues((current) => ({ ...current, [name]: value }));
    setTouched((current) => new Set(current).add(name));
    setServer(({ [name]: _dropped, ...rest }) => rest);
  }

  function setCustom(key: string, value: unknown) {
    const name = `custom.${key}`;
    setValues((current) => ({ ...current, custom: { ...current.custom, [key]: value } }));
    setTouched((current) => new Set(current).add(name));
    setServer(({ [name]: _dropped, ...rest }) => rest);
  }

  /** Marks everything for display; true when the client found nothing to complain about. */
  function check(): boolean {
    setSubmitted(true);
    setProblem(null);
    return Object.keys(client).length === 0;
  }

  function showError(failure: unknown) {
    const placed: Record<string, FieldProblem> = {};
    const elsewhere: FieldProblem[] = [];
    for (const fieldProblem of isApiError(failure) ? failure.fieldErrors : []) {
      const name = formFieldOf(fieldProblem.field);
      if (name in values || name.startsWith('custom.')) placed[name] ??= fieldProblem;
      else elsewhere.push(fieldProblem);
    }
    setServer(placed);
    setUnplaced(elsewhere);
    const noneOnFields = !isApiError(failure) || failure.fieldErrors.length === 0;
    setProblem(noneOnFields || elsewhere.length > 0 ? failure : null);
  }

  // A rule about no field of the form (e.g. documents/attachment_required) is said in the alert above it.
  const problemText: ErrorText | null = problem
    ? withDetails(
        describeError(t, problem),
        unplaced.map((p) => fieldProblemMessage(t, p)),
      )
    : null;

  return {
    values,
    set,
    setCustom,
    error,
    check,
    showError,
    problemText,
    suggestion: (name: Name): string | undefined => unconfirmed[name],
    confirm,
    preview,
    today,
    valid: Object.keys(client).length === 0,
  };
}

export type ContractForm = ReturnType<typeof useContractForm>;

import { useState } from 'react';
import type { z } from 'zod';
import { fieldName, isApiError } from '../api/api-error.js';
import type { MessageKey } from '../i18n/en.js';
import { useT } from '../i18n/i18n-context.js';
import type { Translate } from '../i18n/translate.js';
import { describeError, type ErrorText } from './describe-error.js';
import { fieldProblemMessage, issueMessage } from './issue-message.js';
import { maxLengthOf } from './max-length.js';
import { ownSubmit } from './own-submit.js';
import { useErrorFocus } from './use-error-focus.js';

type Shape = Record<string, unknown>;
/** Kept as functions of `t`, so messages follow a language switch while they are shown. */
type Message = (t: Translate) => string;
type FormProblem = { error: unknown; extra: Message[] };

/**
 * Form state validated by a shared schema; server field errors land next to their fields,
 * everything else becomes one form-level error.
 */
export function useZodForm<S extends z.ZodType<Shape, Shape>>(schema: S, initialValues: z.input<S>) {
  type Values = z.input<S>;
  type Field = keyof Values & string;
  const t = useT();
  const [values, setValues] = useState<Values>(initialValues);
  const [messages, setMessages] = useState<Partial<Record<Field, Message>>>({});
  const [problem, setProblem] = useState<FormProblem | null>(null);
  const focus = useErrorFocus();

  function setValue<F extends Field>(name: F, value: Values[F]) {
    setValues((current) => ({ ...current, [name]: value }));
    setMessages((current) => ({ ...current, [name]: undefined }));
  }

  function setFieldError(name: Field, key: MessageKey) {
    setMessages((current) => ({ ...current, [name]: (tr: Translate) => tr(key) }));
  }

  function validate(): z.output<S> | null {
    setProblem(null);
    const result = schema.safeParse(values);
    if (result.success) {
      setMessages({});
      focus.clear();
      return result.data;
    }
    const next: Partial<Record<Field, Message>> = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '') as Field;
      // An empty field is "missing", whatever format it would have needed.
      const empty = typeof values[name] === 'string' && String(values[name]).trim() === '';
      next[name] ??= empty ? (tr) => tr('validation.required') : (tr) => issueMessage(tr, issue);
    }
    setMessages(next);
    focus.focusFirst();
    return null;
  }

  function showError(error: unknown) {
    const extra: Message[] = [];
    const next: Partial<Record<Field, Message>> = {};
    const fields = Object.keys(values);
    for (const fieldProblem of isApiError(error) ? error.fieldErrors : []) {
      const name = fieldName(fieldProblem.field);
      const message = (tr: Translate) => fieldProblemMessage(tr, fieldProblem);
      if (fields.includes(name)) next[name as Field] ??= message;
      else extra.push(message);
    }
    setMessages(next);
    const placedAll = Object.keys(next).length > 0 && extra.length === 0;
    setProblem(placedAll ? null : { error, extra });
    focus.focusFirst();
  }

  function onSubmit(submit: (data: z.output<S>) => void) {
    return ownSubmit((event) => {
      focus.capture(event.currentTarget);
      const data = validate();
      if (data) submit(data);
    });
  }

  const errors = Object.fromEntries(
    Object.entries(messages).flatMap(([name, message]) => (message ? [[name, (message as Message)(t)]] : [])),
  ) as Partial<Record<Field, string>>;

  function textProps(name: Field) {
    return {
      name,
      // The browser stops typing at the schema's limit, so the error is never needed.
      maxLength: maxLengthOf(schema, name),
      value: String(values[name] ?? ''),
      error: errors[name],
      onChange: (event: { currentTarget: { value: string } }) =>
        setValue(name, event.currentTarget.value as Values[typeof name]),
    };
  }

  function reset(next: Values = initialValues) {
    setValues(next);
    setMessages({});
    setProblem(null);
    focus.clear();
  }

  const hasFieldErrors = Object.keys(errors).length > 0;
  const formError = problem
    ? withDetails(
        describeError(t, problem.error),
        problem.extra.map((m) => m(t)),
      )
    : hasFieldErrors
      ? errorSummary(t, focus.labels)
      : null;
  return { values, errors, formError, setValue, setFieldError, validate, showError, onSubmit, textProps, reset };
}

/**
 * The summary above a form with several invalid fields: what to fix, by label. One invalid
 * field needs none; it has its message and the focus.
 */
export function errorSummary(t: Translate, labels: string[]): ErrorText | null {
  if (labels.length < 2) return null;
  return { title: t('problem.validation_failed'), detail: t('form.errorSummary', { fields: labels.join(', ') }) };
}

export function withDetails(text: ErrorText, extra: string[]): ErrorText {
  if (extra.length === 0) return text;
  return { ...text, detail: [text.detail, ...extra].filter(Boolean).join(' · ') };
}

import { type FormEvent, useState } from 'react';
import type { z } from 'zod';
import { fieldName, isApiError } from '../api/api-error.js';
import { useT } from '../i18n/i18n-context.js';
import { type ErrorText, describeError } from './describe-error.js';
import { fieldProblemMessage, issueMessage } from './issue-message.js';

type Shape = Record<string, unknown>;
type FieldErrors<V> = Partial<Record<keyof V & string, string>>;

/**
 * Form state validated by a shared schema; server field errors land next to their fields,
 * everything else becomes one form-level error.
 */
export function useZodForm<S extends z.ZodType<Shape, Shape>>(schema: S, initialValues: z.input<S>) {
  type Values = z.input<S>;
  type Field = keyof Values & string;
  const t = useT();
  const [values, setValues] = useState<Values>(initialValues);
  const [errors, setErrors] = useState<FieldErrors<Values>>({});
  const [formError, setFormError] = useState<ErrorText | null>(null);

  function setValue<F extends Field>(name: F, value: Values[F]) {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => ({ ...current, [name]: undefined }));
  }

  function setFieldError(name: Field, message: string) {
    setErrors((current) => ({ ...current, [name]: message }));
  }

  function validate(): z.output<S> | null {
    setFormError(null);
    const result = schema.safeParse(values);
    if (result.success) {
      setErrors({});
      return result.data;
    }
    const next: FieldErrors<Values> = {};
    for (const issue of result.error.issues) {
      const name = String(issue.path[0] ?? '') as Field;
      next[name] ??= issueMessage(t, issue);
    }
    setErrors(next);
    return null;
  }

  function showError(error: unknown) {
    const unplaced: string[] = [];
    const next: FieldErrors<Values> = {};
    const fields = Object.keys(values);
    for (const problem of isApiError(error) ? error.fieldErrors : []) {
      const name = fieldName(problem.field);
      if (fields.includes(name)) next[name as Field] ??= fieldProblemMessage(t, problem);
      else unplaced.push(fieldProblemMessage(t, problem));
    }
    setErrors(next);
    const placedAll = Object.keys(next).length > 0 && unplaced.length === 0;
    setFormError(placedAll ? null : withDetails(describeError(t, error), unplaced));
  }

  function onSubmit(submit: (data: z.output<S>) => void) {
    return (event: FormEvent) => {
      event.preventDefault();
      const data = validate();
      if (data) submit(data);
    };
  }

  function textProps(name: Field) {
    return {
      name,
      value: String(values[name] ?? ''),
      error: errors[name],
      onChange: (event: { currentTarget: { value: string } }) =>
        setValue(name, event.currentTarget.value as Values[typeof name]),
    };
  }

  function reset(next: Values = initialValues) {
    setValues(next);
    setErrors({});
    setFormError(null);
  }

  return { values, errors, formError, setValue, setFieldError, validate, showError, onSubmit, textProps, reset };
}

function withDetails(text: ErrorText, extra: string[]): ErrorText {
  if (extra.length === 0) return text;
  return { ...text, detail: [text.detail, ...extra].filter(Boolean).join(' · ') };
}

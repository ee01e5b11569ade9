import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../api/api-error.js';
import { makeTranslate } from '../i18n/translate.js';
import { describeError } from './describe-error.js';
import { fieldProblemMessage, issueMessage } from './issue-message.js';

const en = makeTranslate('en');
const de = makeTranslate('de');
const RAW = 'Too big: expected string to have <=300 characters';

describe('issue and problem messages', () => {
  it('says which list a name already exists in, with the name, in English and German', () => {
    const problem = { field: 'name', rule: 'unique', message: 'x', params: { entity: 'category', value: 'IT' } };
    expect(fieldProblemMessage(en, problem)).toBe('A category named “IT” already exists.');
    expect(fieldProblemMessage(de, problem)).toBe('Eine Kategorie mit dem Namen „IT“ gibt es bereits.');
  });

  it('turns a server limit into a sentence with the number, never the validator’s English', () => {
    const problem = { field: 'title', rule: 'too_big', message: RAW, params: { max: 300, origin: 'string' } };
    expect(fieldProblemMessage(en, problem)).toBe('Please enter at most 300 characters.');
    expect(fieldProblemMessage(de, problem)).toBe('Bitte geben Sie höchstens 300 Zeichen ein.');
    expect(fieldProblemMessage(de, { field: 'x', rule: 'rule_from_the_future', message: RAW })).toBe(
      'Dieser Wert ist ungültig.',
    );
  });

  it('reads client-side zod issues the same way', () => {
    const schema = z.object({ name: z.string().min(1).max(5), code: z.string().min(3) });
    const issues = schema.safeParse({ name: 'far too long', code: 'ab' }).error?.issues ?? [];
    expect(issues.map((issue) => issueMessage(de, issue))).toEqual([
      'Bitte geben Sie höchstens 5 Zeichen ein.',
      'Bitte geben Sie mindestens 3 Zeichen ein.',
    ]);
    const empty = schema.safeParse({ name: '', code: 'abc' }).error?.issues[0];
    expect(empty && issueMessage(en, empty)).toBe('Please fill in this field.');
  });

  it('translates a numbering pattern fault sent by the server', () => {
    const problem = {
      field: 'contractNumberPattern',
      rule: 'invalid_pattern',
      message: 'x',
      params: { fault: 'counter' },
    };
    expect(fieldProblemMessage(de, problem)).toBe(
      'Das Schema braucht genau einen Zähler {SEQ:n}, zum Beispiel {SEQ:5}.',
    );
  });
});

describe('describeError', () => {
  const conflict = (reason?: string, params?: Record<string, string | number>) =>
    new ApiError({ status: 409, code: 'conflict', title: 'Conflict', detail: 'English detail', reason, params });

  it('names the cause of a conflict in the reader’s language', () => {
    expect(describeError(de, conflict('category_in_use', { count: 3 }))).toEqual({
      title: 'Diese Änderung ist nicht möglich',
      detail: 'Verträge verwenden diese Kategorie noch (3, Papierkorb eingeschlossen). Ordnen Sie sie zuerst neu zu.',
      reference: undefined,
    });
  });

  it('never shows the server’s English detail', () => {
    expect(describeError(de, conflict()).detail).toBeUndefined();
    expect(describeError(de, conflict('a_reason_nobody_translated')).detail).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/api-error.js';
import { makeTranslate } from '../../i18n/translate.js';
import { uploadProblem } from './upload-problem.js';

const en = makeTranslate('en');
const de = makeTranslate('de');
const refused = (rule: string) =>
  new ApiError({
    status: 422,
    code: 'validation_failed',
    title: 'Validation failed',
    errors: [{ field: 'file', rule, message: 'server English' }],
  });

describe('why a file was refused', () => {
  it('names the broken rule in the reader’s language, never the server’s English', () => {
    expect(uploadProblem(en, refused('file_type_mismatch'))).toBe(en('validation.file_type_mismatch'));
    expect(uploadProblem(de, refused('file_type_mismatch'))).toBe(de('validation.file_type_mismatch'));
    expect(uploadProblem(en, refused('file_type_mismatch'))).not.toContain('server English');
  });

  it('says how large a file may be, with the limit the server names', () => {
    const tooLarge = new ApiError({
      status: 413,
      code: 'payload_too_large',
      title: 'Too large',
      errors: [{ field: 'file', rule: 'file_too_large', message: 'server English', params: { max: 100 } }],
    });
    expect(uploadProblem(en, tooLarge)).toBe('The file is larger than 100 MB.');
  });

  it('falls back to the error code’s message (a network failure, a session that ended)', () => {
    expect(uploadProblem(en, new ApiError({ status: 0, code: 'network_error', title: '' }))).toBe(
      en('problem.network_error'),
    );
    expect(uploadProblem(en, new ApiError({ status: 401, code: 'unauthenticated', title: '' }))).toBe(
      en('problem.unauthenticated'),
    );
  });
});

import { DrizzleQueryError } from 'drizzle-orm/errors';
import { describe, expect, it } from 'vitest';
import { failureText } from './failure.js';

describe('failureText', () => {
  it('keeps the messages and database code of a failed statement, never its parameters or quoted values', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      detail: 'Key (email)=(ada@example.com) already exists.',
    });
    const hash = 'scrypt$15$8$1$c2FsdA$aGFzaA';
    const error = new DrizzleQueryError(
      'insert into users (email, password_hash) values ($1, $2)',
      ['ada@example.com', hash],
      cause,
    );
    const text = failureText(error);
    expect(text).toMatch(/^Failed query: insert into users/);
    expect(text).toContain('; caused by: duplicate key value violates unique constraint "users_email_key" (23505)');
    expect(text).not.toContain('ada@example.com');
    expect(text).not.toContain(hash);
  });

  it('hides the credentials of a connection string and keeps at most 1,000 characters', () => {
    const text = failureText(new Error('connect failed: smtps://mailer:s3cret@smtp.example.com:465'));
    expect(text).toBe('connect failed: smtps://[redacted]@smtp.example.com:465');
    expect(failureText(new Error('x'.repeat(5_000)))).toHaveLength(1_000);
  });

  it('describes what is thrown when it is not an error', () => {
    expect(failureText('plain words')).toBe('plain words');
  });
});

import { describe, expect, it } from 'vitest';
import { passwordProblem } from './passwords.js';

describe('passwordProblem', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordProblem('correct horse battery staple')).toBeNull();
  });

  it.each([
    ['short', 'too_short'],
    ['x'.repeat(201), 'too_long'],
    ['password123', 'common'],
    ['P@ssw0rd!!', 'common'],
    ['Qwertz123', 'too_short'],
    ['qwertyuiop', 'common'],
  ] as const)('refuses %s as %s', (password, problem) => {
    expect(passwordProblem(password)).toBe(problem);
  });

  it('refuses a password containing the name part of the e-mail address', () => {
    expect(passwordProblem('my-margaret-secret-1', 'margaret@acme.example')).toBe('contains_email');
    expect(passwordProblem('my-margaret-secret-1', 'bob@acme.example')).toBeNull();
  });
});

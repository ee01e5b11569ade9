import { Writable } from 'node:stream';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, redactUrl, safeError } from './logger.js';

describe('loggerOptions', () => {
  it('redacts storage credentials wherever a storage configuration is logged', () => {
    const lines: string[] = [];
    const out = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const log = pino(loggerOptions('info'), out);
    log.info({ storage: { driver: 'azure', connectionString: 'AccountKey=c2VjcmV0', container: 'deedbox' } }, 'azure');
    log.info({ storage: { driver: 's3', accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI' } }, 's3');
    const text = lines.join('');
    expect(text).not.toContain('c2VjcmV0');
    expect(text).not.toContain('wJalrXUtnFEMI');
    expect(text).toContain('"container":"deedbox"');
    expect(text.match(/\[redacted\]/g)).toHaveLength(2);
  });
});

describe('safeError', () => {
  it('keeps a failed statement and its database code, never its parameters or the values PostgreSQL quotes', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint "users_email_key"'), {
      code: '23505',
      constraint: 'users_email_key',
      table: 'users',
      detail: 'Key (email)=(ada@example.com) already exists.',
    });
    const hash = 'scrypt$15$8$1$c2FsdA$aGFzaA';
    const error = new DrizzleQueryError(
      'insert into users (email, password_hash) values ($1, $2)',
      ['ada@example.com', hash],
      cause,
    );
    const logged = JSON.stringify(safeError(error));
    expect(logged).toContain('insert into users (email, password_hash) values ($1, $2)');
    expect(logged).toContain('"code":"23505"');
    expect(logged).toContain('"constraint":"users_email_key"');
    expect(logged).not.toContain('ada@example.com');
    expect(logged).not.toContain(hash);
    expect(logged).not.toContain('params');
  });

  it('passes values that are not errors through unchanged', () => {
    expect(safeError('plain text')).toBe('plain text');
  });
});

describe('redactUrl', () => {
  it('hides every token in a path or a query', () => {
    expect(redactUrl('/ical/AbC-123_x.ics')).toBe('/ical/[redacted]');
    expect(redactUrl('/respond/tok?x=1')).toBe('/respond/[redacted]?x=1');
    expect(redactUrl('/api/v1/reminder-links/tok')).toBe('/api/v1/reminder-links/[redacted]');
    expect(redactUrl('/api/v1/invitations/tok/accept')).toBe('/api/v1/invitations/[redacted]/accept');
    expect(redactUrl('/reset-password?token=abc&lang=de')).toBe('/reset-password?token=[redacted]&lang=de');
    expect(redactUrl('/api/v1/contracts?cursor=abc')).toBe('/api/v1/contracts?cursor=[redacted]');
    expect(redactUrl('/api/v1/signing/tok/pdf')).toBe('/api/v1/signing/[redacted]/pdf');
    expect(redactUrl('/sign/tok')).toBe('/sign/[redacted]');
    expect(redactUrl('/api/v1/contracts/1b9d6bcd')).toBe('/api/v1/contracts/1b9d6bcd');
  });
});

import { describe, expect, it } from 'vitest';
import { factorChangedMail } from './factor-messages.js';

const HREF = 'http://deedbox.test/settings/security';

describe('second-factor mails', () => {
  it('say what changed in English and German, with the security settings as the only link', () => {
    const cases = [
      ['en', 'added', 'A second factor was added', 'Phone'],
      ['en', 'removed', 'A second factor was removed', 'Phone'],
      ['en', 'reset', 'Your second factors were reset', 'Ada Admin'],
      ['de', 'added', 'Ein zweiter Faktor wurde hinzugefügt', 'Phone'],
      ['de', 'removed', 'Ein zweiter Faktor wurde entfernt', 'Phone'],
      ['de', 'reset', 'Ihre zweiten Faktoren wurden zurückgesetzt', 'Ada Admin'],
    ] as const;
    for (const [locale, change, subject, what] of cases) {
      const mail = factorChangedMail(locale, 'max@example.org', 'Max', change, what, HREF);
      expect(mail.subject).toBe(subject);
      expect(mail.text).toContain(what);
      expect(mail.text).toContain(HREF);
      expect([...(mail.html ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([HREF]);
    }
  });

  it('keeps a factor name typed by a person from becoming a link', () => {
    const mail = factorChangedMail('en', 'max@example.org', 'Max', 'added', 'https://evil.example', HREF);
    expect(mail.html).not.toContain('href="https://evil.example');
    expect([...(mail.html ?? '').matchAll(/href="([^"]*)"/g)].map((m) => m[1])).toEqual([HREF]);
  });
});

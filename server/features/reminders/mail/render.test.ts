import { describe, expect, it } from 'vitest';
import { checkTemplate, PLACEHOLDERS } from '../../../../common/reminders/template.js';
import { LOCALES } from '../../../../common/schemas/auth.js';
import { MAIL_TEMPLATE_KINDS } from '../../../../common/schemas/reminders.js';
import { DEFAULT_TEMPLATES, mailDate, sampleValues } from './defaults.js';
import { renderMail, summaryValues } from './render.js';

const none = new Map();

describe('built-in templates', () => {
  it.each(MAIL_TEMPLATE_KINDS.flatMap((kind) => LOCALES.map((locale) => [kind, locale] as const)))(
    '%s in %s uses only its placeholders and renders with sample values',
    (kind, locale) => {
      const { subject, body } = DEFAULT_TEMPLATES[kind][locale];
      expect(checkTemplate(subject, PLACEHOLDERS[kind])).toEqual([]);
      expect(checkTemplate(body, PLACEHOLDERS[kind])).toEqual([]);
      const values = sampleValues(kind, locale);
      expect(Object.keys(values).sort()).toEqual([...PLACEHOLDERS[kind]].sort());
      const mail = renderMail(none, kind, locale, values);
      expect(mail.subject).not.toMatch(/\n|\{\{|^$/);
      expect(mail.text).not.toContain('{{');
      expect(mail.html).toContain(`<html lang="${locale}">`);
    },
  );

  it('gives the proof sentence and both links in a reminder, and drops the links for external recipients', () => {
    const values = sampleValues('reminder', 'en');
    const internal = renderMail(none, 'reminder', 'en', values).text;
    expect(internal).toContain(`How the date is computed: ${values.proof}`);
    expect(internal).toContain(`I'm on it: ${values.acknowledgeLink}`);
    expect(internal).toContain(`Don't remind me again for this date: ${values.dismissLink}`);
    const external = renderMail(none, 'reminder', 'en', { ...values, acknowledgeLink: '', dismissLink: '', proof: '' });
    expect(external.text).not.toMatch(/I'm on it|Don't remind|How the date/);
    expect(external.text).toContain(`Open the contract: ${values.contractLink}`);
    expect(external.html).not.toContain('/respond/');
  });

  it('says "Nothing slipped" in the weekly summary exactly when nothing is listed', () => {
    const base = sampleValues('summary', 'de');
    const empty = summaryValues('de', { upcoming: [], unacknowledged: [], undeliverable: [] });
    const quiet = renderMail(none, 'summary', 'de', { ...base, ...empty }).text;
    expect(quiet).toContain('✓ Nichts ist durchgerutscht');
    expect(quiet).not.toContain('Demnächst');
    const busy = summaryValues('de', {
      upcoming: ['Letzter Kündigungstag am 31. März 2027: Miete'],
      unacknowledged: [],
      undeliverable: ['x'],
    });
    const text = renderMail(none, 'summary', 'de', { ...base, ...busy }).text;
    expect(text).not.toContain('durchgerutscht');
    expect(text).toContain('Demnächst:\n- Letzter Kündigungstag am 31. März 2027: Miete\n\nNicht zustellbar:\n- x');
    expect(text).not.toContain('Noch nicht übernommen');
  });

  it('falls back to the built-in text when an account template cannot be rendered', () => {
    const broken = new Map([['reminder:en', { subject: '{{nope}}', body: 'Hi {{nope}}' }]]);
    const mail = renderMail(broken, 'reminder', 'en', sampleValues('reminder', 'en'));
    expect(mail.subject).toBe('Notice deadline on 31 March 2027: Office lease Berlin');
    const own = new Map([['reminder:en', { subject: 'Due: {{contractTitle}}', body: 'Hi {{recipientName}}' }]]);
    expect(renderMail(own, 'reminder', 'en', sampleValues('reminder', 'en'))).toMatchObject({
      subject: 'Due: Office lease Berlin',
      text: 'Hi Alex Example',
    });
  });

  it('writes dates the way each language does', () => {
    expect(mailDate('en', '2027-03-01')).toBe('1 March 2027');
    expect(mailDate('de', '2027-03-01')).toBe('1. März 2027');
  });
});

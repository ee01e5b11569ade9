import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withClaims } from '../../../db/tx.js';
import { addMember, auditEvents, type Caller, call, expectProblem, signUpOrg } from '../../../test/api.js';
import { type Harness, startHarness } from '../../../test/harness.js';
import { DEFAULT_TEMPLATES, sampleValues } from './defaults.js';
import { loadTemplates, renderMail } from './render.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

const own = {
  subject: 'Deadline {{eventDate}}: {{contractTitle}}',
  body: 'Hi {{recipientName}},\n\n<b>{{contractTitle}}</b> is due.\n\nAcknowledge: {{acknowledgeLink}}',
};

type Template = { kind: string; locale: string; subject: string; body: string; isDefault: boolean };

async function listed(who: Caller): Promise<Template[]> {
  const res = await call(h, who, 'GET', '/settings/mail-templates');
  expect(res.statusCode).toBe(200);
  return res.json().items as Template[];
}

const fieldErrors = (res: Awaited<ReturnType<typeof call>>) =>
  expectProblem(res, 422, 'validation_failed').errors?.map((e) => [e.field, e.rule]);

describe('mail templates', () => {
  it('lists every kind and language, saves an account text, resets it, and logs both', async () => {
    const admin = await signUpOrg(h);
    const before = await listed(admin);
    expect(before).toHaveLength(8);
    expect(before.every((t) => t.isDefault)).toBe(true);
    expect(before.find((t) => t.kind === 'summary' && t.locale === 'de')?.body).toContain('Nichts ist durchgerutscht');

    const saved = await call(h, admin, 'PUT', '/settings/mail-templates/reminder/en', own);
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({ ...own, kind: 'reminder', locale: 'en', isDefault: false });
    expect(saved.json().placeholders).toContain('acknowledgeLink');
    expect(saved.json().updatedAt).not.toBeNull();
    const after = await listed(admin);
    expect(after.filter((t) => !t.isDefault).map((t) => `${t.kind}/${t.locale}`)).toEqual(['reminder/en']);

    const [updated] = await auditEvents(h, admin, '&action=mail_template.updated');
    expect(updated).toMatchObject({ objectType: 'mail_template', objectId: 'reminder/en' });
    expect(updated!.changes).toEqual({
      subject: { before: DEFAULT_TEMPLATES.reminder.en.subject, after: own.subject },
      body: { before: DEFAULT_TEMPLATES.reminder.en.body, after: own.body },
    });
    // Saving the same text again changes nothing and logs nothing.
    expect((await call(h, admin, 'PUT', '/settings/mail-templates/reminder/en', own)).statusCode).toBe(200);
    expect(await auditEvents(h, admin, '&action=mail_template.updated')).toHaveLength(1);

    // The engine's renderer picks up the account's text for that language only.
    const templates = await withClaims(h.database.db, { orgId: admin.me.org.id }, (tx) =>
      loadTemplates(tx, admin.me.org.id),
    );
    const mail = renderMail(templates, 'reminder', 'en', { ...sampleValues('reminder', 'en'), acknowledgeLink: '' });
    expect(mail.subject).toBe('Deadline 31 March 2027: Office lease Berlin');
    expect(mail.text).toBe('Hi Alex Example,\n\n<b>Office lease Berlin</b> is due.');
    expect(mail.html).toContain('&lt;b&gt;Office lease Berlin&lt;/b&gt; is due.');
    expect(renderMail(templates, 'reminder', 'de', sampleValues('reminder', 'de')).subject).toContain(
      'Letzter Kündigungstag',
    );

    const reset = await call(h, admin, 'DELETE', '/settings/mail-templates/reminder/en');
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toMatchObject({ isDefault: true, subject: DEFAULT_TEMPLATES.reminder.en.subject });
    expect((await listed(admin)).every((t) => t.isDefault)).toBe(true);
    const [logged] = await auditEvents(h, admin, '&action=mail_template.reset');
    expect(logged).toMatchObject({ objectId: 'reminder/en' });
    expect(logged!.changes.subject).toEqual({ before: own.subject, after: DEFAULT_TEMPLATES.reminder.en.subject });
    // Resetting a built-in text is harmless and logs nothing.
    expect((await call(h, admin, 'DELETE', '/settings/mail-templates/reminder/en')).statusCode).toBe(200);
    expect(await auditEvents(h, admin, '&action=mail_template.reset')).toHaveLength(1);
  });

  it('previews with sample values, escaping the text and dropping empty lines', async () => {
    const admin = await signUpOrg(h);
    const res = await call(h, admin, 'POST', '/settings/mail-templates/preview', {
      kind: 'summary',
      locale: 'de',
      subject: 'Woche {{weekOf}}\n{{orgName}}',
      body: 'Hallo {{recipientName}} <script>\n\n{{upcoming}}\n\nFehler:\n{{undeliverable}}\n\n{{appLink}}',
    });
    expect(res.statusCode).toBe(200);
    const preview = res.json() as { subject: string; text: string; html: string };
    expect(preview.subject).toBe('Woche 1. März 2027 Beispiel GmbH');
    expect(preview.text).toBe(
      'Hallo Alex Example <script>\n\nDemnächst:\n- Letzter Kündigungstag am 31. März 2027: Büromiete Berlin\n\nFehler:\n\nhttps://deedbox.example',
    );
    expect(preview.html).toContain('Hallo Alex Example &lt;script&gt;');
    expect(preview.html).toContain('<li style="margin:0 0 6px 0">Letzter Kündigungstag am 31. März 2027');
    expect(preview.html).toContain('<a href="https://deedbox.example"');
    expect((await listed(admin)).every((t) => t.isDefault)).toBe(true);
    expect(await auditEvents(h, admin, '&action=mail_template.updated')).toHaveLength(0);
  });

  it('refuses unknown placeholders, malformed braces and texts that do not render, naming field and rule', async () => {
    const admin = await signUpOrg(h);
    const put = (kind: string, body: object) => call(h, admin, 'PUT', `/settings/mail-templates/${kind}/en`, body);

    const unknown = await put('reminder', { subject: 'Hi {{foo}}', body: own.body });
    const problem = expectProblem(unknown, 422, 'validation_failed');
    expect(problem.errors).toEqual([expect.objectContaining({ field: 'subject', rule: 'unknown_placeholder' })]);
    expect(problem.detail).toContain('{{foo}}');
    // level belongs to escalations only.
    expect(fieldErrors(await put('reminder', { subject: 'x', body: 'To {{level}}' }))).toEqual([
      ['body', 'unknown_placeholder'],
    ]);
    expect(fieldErrors(await put('escalation', { subject: 'x {{eventDate', body: 'To {{level}}}' }))).toEqual([
      ['subject', 'malformed'],
      ['body', 'malformed'],
    ]);
    expect(fieldErrors(await put('summary', { subject: '{{allClear}}', body: 'All good' }))).toEqual([
      ['subject', 'render_failed'],
    ]);
    expect(fieldErrors(await put('summary', { subject: 'Summary', body: '{{undeliverable}}' }))).toEqual([
      ['body', 'render_failed'],
    ]);
    expect(fieldErrors(await put('digest', { subject: ' ', body: 'x' }))?.[0]?.[0]).toBe('subject');
    expect(fieldErrors(await put('digest', { subject: 'x' }))?.[0]?.[0]).toBe('body');
    expect(fieldErrors(await put('letter', own))?.[0]?.[0]).toBe('kind');
    expect(fieldErrors(await call(h, admin, 'PUT', '/settings/mail-templates/reminder/fr', own))?.[0]?.[0]).toBe(
      'locale',
    );
    const preview = await call(h, admin, 'POST', '/settings/mail-templates/preview', {
      kind: 'digest',
      locale: 'de',
      subject: 'x',
      body: '{{items}} {{dismissLink}}',
    });
    expect(fieldErrors(preview)).toEqual([['body', 'unknown_placeholder']]);
    expect((await listed(admin)).every((t) => t.isDefault)).toBe(true);
    expect(await auditEvents(h, admin, '&action=mail_template.updated')).toHaveLength(0);
  });

  it('is for administrators of the account only', async () => {
    const admin = await signUpOrg(h);
    const other = await signUpOrg(h, 'Other GmbH');
    const member = await addMember(h, admin);
    const preview = { kind: 'reminder', locale: 'en', ...own };
    const routes = [
      ['GET', '/settings/mail-templates', undefined],
      ['PUT', '/settings/mail-templates/reminder/en', own],
      ['DELETE', '/settings/mail-templates/reminder/en', undefined],
      ['POST', '/settings/mail-templates/preview', preview],
    ] as const;
    for (const [method, url, body] of routes) {
      expectProblem(await call(h, null, method, url, body), 401, 'unauthenticated');
      expectProblem(await call(h, member, method, url, body), 403, 'forbidden');
    }
    // Each account has its own texts: another account's change is invisible here.
    expect((await call(h, other, 'PUT', '/settings/mail-templates/reminder/en', own)).statusCode).toBe(200);
    expect((await listed(admin)).every((t) => t.isDefault)).toBe(true);
    expect((await call(h, admin, 'DELETE', '/settings/mail-templates/reminder/en')).statusCode).toBe(200);
    expect((await listed(other)).find((t) => t.kind === 'reminder' && t.locale === 'en')).toMatchObject({
      isDefault: false,
      subject: own.subject,
    });
    expect(await auditEvents(h, admin, '&action=mail_template.updated')).toHaveLength(0);
    expect(await auditEvents(h, other, '&action=mail_template.updated')).toHaveLength(1);
  });
});

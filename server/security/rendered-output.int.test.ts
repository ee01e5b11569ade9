import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asData, PLACEHOLDERS } from '../../common/reminders/template.js';
import type { MailTemplateKind } from '../../common/schemas/reminders.js';
import { addDays } from '../../common/terms/dates.js';
import { newContract, setOrg } from '../features/contracts/contracts.fixtures.js';
import { addReminder, at, contractWithDeadline, QUIET_SETTINGS } from '../features/reminders/engine/engine.fixtures.js';
import { runReminders } from '../features/reminders/engine/run.js';
import { DEFAULT_TEMPLATES, sampleValues } from '../features/reminders/mail/defaults.js';
import { renderTemplate } from '../features/reminders/mail/render.js';
import { type Caller, call, callerFrom, confirmSignUp, PASSWORD, uniqueEmail } from '../test/api.js';
import { type Harness, startHarness } from '../test/harness.js';
import type { ReceivedMail } from '../test/smtp-sink.js';
import { scriptableParts } from './html-check.js';
import { FORMULA_PAYLOADS, ICAL_PAYLOAD, payloadText, URL_PAYLOAD, XSS_PAYLOADS } from './payloads.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(() => h.close());

/** Attack strings a template text may hold ({{7*7}} is refused as a placeholder, rightly). */
const TEMPLATE_PAYLOADS = XSS_PAYLOADS.filter((p) => !p.includes('{{'));

const KINDS: MailTemplateKind[] = ['reminder', 'escalation', 'digest', 'summary'];
const LOCALES = ['en', 'de'] as const;

/** A sent or rendered mail is inert: nothing in its HTML runs, its subject is one header line. */
function expectInertMail(mail: { subject: string; html: string | null }, what: string) {
  expect(mail.html, what).not.toBeNull();
  expect(scriptableParts(mail.html!), what).toEqual([]);
  expect(mail.subject, what).not.toMatch(/[\r\n]/);
}

/** An org whose Administrator's name and company name are attack strings, with quiet reminder schedules. */
async function hostileOrg(tag: string): Promise<Caller & { email: string }> {
  const email = uniqueEmail(tag);
  const res = await call(h, null, 'POST', '/auth/sign-up', {
    name: payloadText(`${tag}-admin`, 120),
    email,
    password: PASSWORD,
    companyName: payloadText(`${tag}-org`, 160),
  });
  if (res.statusCode !== 202) throw new Error(`sign-up failed: ${res.statusCode} ${res.body}`);
  const admin = { ...callerFrom(await confirmSignUp(h, email)), email };
  await setOrg(h, admin, QUIET_SETTINGS);
  return admin;
}

const mailTo = (address: string, subject: RegExp) =>
  h.sink.waitFor((m) => m.to.includes(address) && subject.test(m.subject));

/** Every value a template can show, each an attack string (links too: only http(s) ever becomes a link). */
function hostileValues(kind: MailTemplateKind): Record<string, string> {
  return Object.fromEntries(
    PLACEHOLDERS[kind].map((name, i) => [
      name,
      name.endsWith('Link') ? URL_PAYLOAD : `${XSS_PAYLOADS[i % XSS_PAYLOADS.length]} ${name}`,
    ]),
  );
}

describe('mails with attack strings in every interpolated value', () => {
  it('renders every template kind and language, built-in and the account’s own, without markup from values', () => {
    for (const kind of KINDS) {
      for (const locale of LOCALES) {
        const values = hostileValues(kind);
        const builtIn = renderTemplate(DEFAULT_TEMPLATES[kind][locale], locale, values);
        expectInertMail(builtIn, `${kind}/${locale} built-in`);
        // An account's own template: attack strings in its text and every placeholder it may use.
        const own = {
          subject: `${XSS_PAYLOADS[0]} {{${PLACEHOLDERS[kind][0]}}}`,
          body: [`own ${TEMPLATE_PAYLOADS.join('\n')}`, ...PLACEHOLDERS[kind].map((p) => `- {{${p}}}`)].join('\n\n'),
        };
        const mine = renderTemplate(own, locale, values);
        expect(mine.text, `${kind}/${locale} own`).toContain(`own ${TEMPLATE_PAYLOADS[0]}`);
        expectInertMail(mine, `${kind}/${locale} own`);
      }
    }
  });

  it('sends sign-up, invitation and reset mails that name hostile people and companies as text', async () => {
    const admin = await hostileOrg('mailer');
    const confirm = await mailTo(admin.email, /Finish signing up/);
    expect(confirm.text).toContain(XSS_PAYLOADS[0]);
    expectInertMail(confirm, 'sign-up');

    const invitee = uniqueEmail('invitee');
    const invited = await call(h, admin, 'POST', '/users/invitations', {
      email: invitee,
      name: payloadText('invitee', 120),
    });
    expect(invited.statusCode).toBe(201);
    const invitation = await mailTo(invitee, /invited/);
    expect(invitation.subject).toContain('mailer-org');
    expectInertMail(invitation, 'invitation');

    expect((await call(h, null, 'POST', '/auth/forgot-password', { email: admin.email })).statusCode).toBe(202);
    expectInertMail(await mailTo(admin.email, /Reset your password/), 'reset');
  });

  it('sends a reminder through the engine for a contract whose every text is hostile', async () => {
    const admin = await hostileOrg('engine');
    const partner = await call(h, admin, 'POST', '/partners', { name: payloadText('partner', 200), type: 'supplier' });
    expect(partner.statusCode).toBe(201);
    const own = {
      subject: `${XSS_PAYLOADS[2]} {{contractTitle}} {{partnerName}}`,
      body: [`own ${TEMPLATE_PAYLOADS.join('\n')}`, ...PLACEHOLDERS.reminder.map((p) => `{{${p}}}`)].join('\n\n'),
    };
    const saved = await call(h, admin, 'PUT', '/settings/mail-templates/reminder/en', own);
    expect(saved.statusCode, saved.body).toBe(200);
    const { contract, event } = await contractWithDeadline(h, admin, {
      title: payloadText('engine-contract'),
      contractNumber: XSS_PAYLOADS[0],
      partnerId: partner.json().id,
    });
    await addReminder(h, admin, { contractId: contract.id, eventId: event.id }, { leadTimes: [30], owner: true });
    const result = await runReminders(h.app.deps, {
      orgId: admin.me!.org.id,
      asOf: at(addDays(event.date, -30)),
    });
    expect(result).toMatchObject({ sent: 1, errors: 0 });
    const mail: ReceivedMail = await h.sink.waitFor(
      (m) => m.to.includes(admin.email) && m.messageId?.endsWith('@deedbox.test>') === true,
    );
    expect(mail.text).toContain('engine-contract');
    expect(mail.text).toContain(`own ${TEMPLATE_PAYLOADS[0]}`);
    expectInertMail(mail, 'reminder');
  });
});

/** RFC 5545 §3.1: content lines end in CRLF; a CRLF followed by a space or tab continues the line. */
function contentLines(body: string): string[] {
  expect(body.endsWith('\r\n')).toBe(true);
  return body
    .replace(/\r\n[ \t]/g, '')
    .slice(0, -2)
    .split('\r\n');
}

const ICAL_PROPERTIES = new Set([
  'BEGIN',
  'END',
  'VERSION',
  'PRODID',
  'CALSCALE',
  'METHOD',
  'X-WR-CALNAME',
  'NAME',
  'X-WR-TIMEZONE',
  'X-PUBLISHED-TTL',
  'REFRESH-INTERVAL',
  'UID',
  'DTSTAMP',
  'DTSTART',
  'DTEND',
  'SUMMARY',
  'DESCRIPTION',
  'URL',
  'CATEGORIES',
  'TRANSP',
  'STATUS',
  'SEQUENCE',
  'LAST-MODIFIED',
  'CLASS',
]);

describe('calendar feed with line breaks and markup in every text', () => {
  it('keeps each text inside its own property: no injected lines, events or attachments', async () => {
    const admin = await hostileOrg('ical');
    const category = await call(h, admin, 'POST', '/categories', { name: ICAL_PAYLOAD.slice(0, 120), kind: 'event' });
    expect(category.statusCode).toBe(201);
    const contract = await newContract(h, admin, {
      title: ICAL_PAYLOAD,
      status: 'active',
      lifecycle: { type: 'fixed', startDate: addDays(today(), -10), endDate: addDays(today(), 60) },
    });
    const event = await call(h, admin, 'POST', `/contracts/${contract.id}/events`, {
      title: ICAL_PAYLOAD,
      date: addDays(today(), 20),
      description: `${ICAL_PAYLOAD}\n${payloadText('ical-description')}`,
      categoryId: category.json().id,
    });
    expect(event.statusCode).toBe(201);
    const feed = await call(h, admin, 'POST', '/calendar/feeds', { name: ICAL_PAYLOAD.slice(0, 80) });
    expect(feed.statusCode).toBe(201);
    const res = await h.app.inject({ method: 'GET', url: new URL(feed.json().url).pathname });
    expect(res.statusCode).toBe(200);

    const lines = contentLines(res.body);
    for (const line of lines) {
      expect(line, 'a bare CR or LF inside a content line').not.toMatch(/[\r\n]/);
      const name = /^([A-Za-z0-9-]+)[;:]/.exec(line)?.[1]?.toUpperCase();
      expect(ICAL_PROPERTIES.has(name ?? ''), `unexpected content line ${JSON.stringify(line)}`).toBe(true);
    }
    const begins = lines.filter((l) => l === 'BEGIN:VEVENT').length;
    expect(begins).toBeGreaterThanOrEqual(2);
    expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(begins);
    expect(lines.filter((l) => l.startsWith('BEGIN:VCALENDAR'))).toHaveLength(1);

    // A calendar client reads the attack strings back as the texts they were, line breaks included.
    const parsed = new ICAL.Component(ICAL.parse(res.body));
    const summaries = parsed.getAllSubcomponents('vevent').map((c) => String(c.getFirstPropertyValue('summary')));
    expect(summaries.filter((s) => s.includes('ATTACH:https://evil.example/x')).length).toBeGreaterThanOrEqual(2);
    expect(parsed.getAllSubcomponents('vevent')).toHaveLength(begins);
  });
});

const today = () => new Date().toISOString().slice(0, 10);

/** A cell a spreadsheet would run: it starts with = + - @ or a tab/CR, unless it is a plain (negative) amount. */
const formulaLike = (cell: string) => /^[=+\-@\t\r]/.test(cell) && !/^-\d+(?:[.,]\d+)?(?: [A-Z]{3})?$/.test(cell);

async function exportOf(who: Caller, url: string) {
  const res = await h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: who.cookie! } });
  expect(res.statusCode, res.body).toBe(200);
  return res;
}

const CONTRACT_TEXT_COLUMNS =
  'contractNumber,title,partner,category,orgUnit,businessUnit,owner,description,tags,cf.note,cf.choice';
const PARTNER_TEXT_COLUMNS = 'name,registrationNumber,vatId,address.street,address.postalCode,address.city,contacts';

describe('exports with formulas in every text', () => {
  it('writes no CSV cell that starts a formula and no XLSX cell of formula type', async () => {
    const admin = await hostileOrg('export');
    const formula = (i: number) => FORMULA_PAYLOADS[i % FORMULA_PAYLOADS.length]!;
    const field = (label: string, type: string, extra = {}) =>
      call(h, admin, 'POST', '/custom-fields', { entity: 'contract', label, type, ...extra });
    expect((await field('Note', 'text')).statusCode).toBe(201);
    expect((await field('Choice', 'dropdown', { options: [formula(0), formula(1)] })).statusCode).toBe(201);
    const category = (await call(h, admin, 'POST', '/categories', { name: formula(2) })).json();
    const orgUnit = (await call(h, admin, 'POST', '/org-units', { name: formula(3) })).json();
    for (const [i, payload] of FORMULA_PAYLOADS.entries()) {
      const partner = await call(h, admin, 'POST', '/partners', {
        name: payload,
        type: 'supplier',
        registrationNumber: formula(i + 1),
        vatId: formula(i + 2),
        address: { street: formula(i + 3), postalCode: '@1', city: formula(i + 4) },
        contacts: [{ name: formula(i) }],
      });
      expect(partner.statusCode, partner.body).toBe(201);
      await newContract(h, admin, {
        title: payload,
        contractNumber: `${formula(i + 1)}${i}`,
        description: formula(i + 2),
        tags: [formula(i + 3)],
        partnerId: partner.json().id,
        categoryId: category.id,
        orgUnitId: orgUnit.id,
        custom: { note: formula(i + 4), choice: formula(i % 2) },
      });
    }

    const exports = [
      { url: `/contracts/export?columns=${CONTRACT_TEXT_COLUMNS}`, rows: FORMULA_PAYLOADS.length },
      { url: `/partners/export?columns=${PARTNER_TEXT_COLUMNS}`, rows: FORMULA_PAYLOADS.length },
    ];
    for (const { url, rows } of exports) {
      for (const locale of LOCALES) {
        const csv = await exportOf(admin, `${url}&format=csv&locale=${locale}`);
        const records = parseCsv(csv.body.replace(/^\uFEFF/, ''), {
          delimiter: locale === 'de' ? ';' : ',',
          relax_column_count: false,
        }) as string[][];
        expect(records).toHaveLength(rows + 1);
        const cells = records.flat();
        expect(cells.filter(formulaLike), `${url} ${locale}`).toEqual([]);
        // The values are all there, kept as text behind the guard.
        for (const payload of FORMULA_PAYLOADS) expect(cells).toContain(`'${payload}`);
      }
      const xlsx = await exportOf(admin, `${url}&format=xlsx`);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const formulas: string[] = [];
      const texts: string[] = [];
      workbook.worksheets[0]!.eachRow((row) => {
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) formulas.push(cell.address);
          if (typeof cell.value === 'string') texts.push(cell.value);
        });
      });
      expect(formulas, url).toEqual([]);
      expect(texts.length).toBeGreaterThan(rows);
    }
  });
});

describe('formulas hidden behind blanks, line feeds, quotes or full-width signs (finding 18)', () => {
  it.each([' =1+2', '\n=1+2', '"=1+2', '\uFF1D1+2'])(
    'guards a description %j in the CSV export',
    async (description) => {
      const admin = await hostileOrg('csv-prefix');
      await newContract(h, admin, { description });
      const csv = await exportOf(admin, '/contracts/export?columns=description&format=csv');
      const rows = parseCsv(csv.body.replace(/^\uFEFF/, '')) as string[][];
      expect(rows[1]?.[0]).toBe(`'${description}`);
    },
  );
});

describe('typed URLs in mails (finding 18)', () => {
  it('shows a URL typed into a contract title as text, never as a link', () => {
    const values = { ...sampleValues('reminder', 'en'), contractTitle: asData('https://evil.example/x') };
    const mail = renderTemplate(DEFAULT_TEMPLATES.reminder.en, 'en', values);
    expect(mail.html).not.toContain('href="https://evil.example/x"');
    expect(mail.text).toContain('https://evil.example/x');
  });
});

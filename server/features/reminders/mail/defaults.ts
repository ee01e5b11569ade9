import type { LOCALES } from '../../../../common/schemas/auth.js';
import type { EventType, MailTemplateKind } from '../../../../common/schemas/reminders.js';

/** The languages mails are written in. */
export type Locale = (typeof LOCALES)[number];

export interface MailText {
  subject: string;
  body: string;
}

/** The built-in wording of every mail, used wherever an account has not saved its own. */
export const DEFAULT_TEMPLATES: Record<MailTemplateKind, Record<Locale, MailText>> = {
  reminder: {
    en: {
      subject: '{{eventTitle}} on {{eventDate}}: {{contractTitle}}',
      body: `Hello {{recipientName}},

A deadline is coming up for {{orgName}}:

{{eventTitle}}: {{eventDate}} (days left: {{daysLeft}})
Contract: {{contractTitle}}
Contract number: {{contractNumber}}
Partner: {{partnerName}}

How the date is computed: {{proof}}

Open the contract: {{contractLink}}
I'm on it: {{acknowledgeLink}}
Don't remind me again for this date: {{dismissLink}}

Deedbox`,
    },
    de: {
      subject: '{{eventTitle}} am {{eventDate}}: {{contractTitle}}',
      body: `Hallo {{recipientName}},

für {{orgName}} steht ein Termin bevor:

{{eventTitle}}: {{eventDate}} (noch {{daysLeft}} Tage)
Vertrag: {{contractTitle}}
Vertragsnummer: {{contractNumber}}
Partner: {{partnerName}}

So ergibt sich das Datum: {{proof}}

Vertrag öffnen: {{contractLink}}
Ich kümmere mich darum: {{acknowledgeLink}}
Für diesen Termin nicht mehr erinnern: {{dismissLink}}

Deedbox`,
    },
  },
  escalation: {
    en: {
      subject: 'Not yet acknowledged: {{contractTitle}}, {{eventTitle}} on {{eventDate}}',
      body: `Hello {{recipientName}},

Nobody has acknowledged this reminder yet, so it now goes to {{level}}.

{{eventTitle}}: {{eventDate}} (days left: {{daysLeft}})
Contract: {{contractTitle}}
Contract number: {{contractNumber}}
Partner: {{partnerName}}
First reminded: {{originalRecipients}}

How the date is computed: {{proof}}

Open the contract: {{contractLink}}
I'm on it: {{acknowledgeLink}}
Don't remind anyone again for this date: {{dismissLink}}

Deedbox`,
    },
    de: {
      subject: 'Noch nicht übernommen: {{contractTitle}}, {{eventTitle}} am {{eventDate}}',
      body: `Hallo {{recipientName}},

niemand hat diese Erinnerung bisher übernommen, deshalb geht sie jetzt an {{level}}.

{{eventTitle}}: {{eventDate}} (noch {{daysLeft}} Tage)
Vertrag: {{contractTitle}}
Vertragsnummer: {{contractNumber}}
Partner: {{partnerName}}
Zuerst erinnert: {{originalRecipients}}

So ergibt sich das Datum: {{proof}}

Vertrag öffnen: {{contractLink}}
Ich kümmere mich darum: {{acknowledgeLink}}
Für diesen Termin niemanden mehr erinnern: {{dismissLink}}

Deedbox`,
    },
  },
  digest: {
    en: {
      subject: 'Your deadline reminders for {{date}} ({{count}})',
      body: `Hello {{recipientName}},

Today's reminders for {{orgName}}:

{{items}}

Open Deedbox to acknowledge or dismiss them: {{appLink}}

Deedbox`,
    },
    de: {
      subject: 'Ihre Fristen-Erinnerungen vom {{date}} ({{count}})',
      body: `Hallo {{recipientName}},

die heutigen Erinnerungen für {{orgName}}:

{{items}}

In Deedbox übernehmen oder verwerfen: {{appLink}}

Deedbox`,
    },
  },
  summary: {
    en: {
      subject: 'Weekly deadline summary for {{orgName}}, week of {{weekOf}}',
      body: `Hello {{recipientName}},

Here is the weekly deadline summary for {{orgName}}.

{{allClear}} Nothing slipped: no deadlines in the coming weeks, nothing waiting for acknowledgement, every mail delivered.

{{upcoming}}

{{unacknowledged}}

{{undeliverable}}

Open Deedbox: {{appLink}}

Deedbox`,
    },
    de: {
      subject: 'Wöchentliche Fristenübersicht für {{orgName}}, Woche vom {{weekOf}}',
      body: `Hallo {{recipientName}},

hier ist die wöchentliche Fristenübersicht für {{orgName}}.

{{allClear}} Nichts ist durchgerutscht: keine Fristen in den nächsten Wochen, nichts wartet darauf, übernommen zu werden, jede E-Mail wurde zugestellt.

{{upcoming}}

{{unacknowledged}}

{{undeliverable}}

Deedbox öffnen: {{appLink}}

Deedbox`,
    },
  },
};

/** `allClear` for the weekly summary when nothing is listed (empty otherwise): a check mark. */
export const ALL_CLEAR_MARK = '✓';

/** Words the engine puts into mails: event types, escalation levels, summary headings. */
export const MAIL_WORDS: Record<
  Locale,
  {
    eventType: Record<EventType, string>;
    level: Record<1 | 2, string>;
    summary: { upcoming: string; unacknowledged: string; undeliverable: string };
  }
> = {
  en: {
    eventType: {
      start: 'Start',
      end: 'End',
      notice_deadline: 'Notice deadline',
      renewal: 'Renewal',
      custom: 'Event',
    },
    level: { 1: 'the backup owner', 2: 'the administrators' },
    summary: {
      upcoming: 'Coming up:',
      unacknowledged: 'Not yet acknowledged:',
      undeliverable: 'Could not be delivered:',
    },
  },
  de: {
    eventType: {
      start: 'Beginn',
      end: 'Ende',
      notice_deadline: 'Letzter Kündigungstag',
      renewal: 'Verlängerung',
      custom: 'Termin',
    },
    level: { 1: 'die Vertretung', 2: 'die Administratoren' },
    summary: {
      upcoming: 'Demnächst:',
      unacknowledged: 'Noch nicht übernommen:',
      undeliverable: 'Nicht zustellbar:',
    },
  },
};

/** A calendar day as mails show it: "31 March 2027", "31. März 2027". */
const MAIL_DATE_FORMATS: Record<Locale, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  de: new Intl.DateTimeFormat('de-DE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

export function mailDate(locale: Locale, isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return MAIL_DATE_FORMATS[locale].format(new Date(Date.UTC(y, m - 1, d)));
}

const SAMPLE_APP = 'https://deedbox.example';

/** Realistic values for previews and for checking that a template renders. */
export function sampleValues(kind: MailTemplateKind, locale: Locale): Record<string, string> {
  const words = MAIL_WORDS[locale];
  const en = locale === 'en';
  const app = SAMPLE_APP;
  const reminder = {
    recipientName: 'Alex Example',
    orgName: en ? 'Example Ltd' : 'Beispiel GmbH',
    contractTitle: en ? 'Office lease Berlin' : 'Büromiete Berlin',
    contractNumber: 'CT-2024-00017',
    partnerName: en ? 'City Properties Ltd' : 'Stadtimmobilien AG',
    eventType: words.eventType.notice_deadline,
    eventTitle: words.eventType.notice_deadline,
    eventDate: mailDate(locale, '2027-03-31'),
    daysLeft: '30',
    proof: en
      ? 'end 30 June 2027 − notice 3 months = 31 March 2027'
      : 'Ende 30. Juni 2027 − Kündigungsfrist 3 Monate = 31. März 2027',
    contractLink: `${app}/contracts/3f2b0c1e-8a5d-4c1e-9b7a-2d4e6f8a0b1c`,
    acknowledgeLink: `${app}/respond/sample-acknowledge-link`,
    dismissLink: `${app}/respond/sample-dismiss-link`,
  };
  switch (kind) {
    case 'reminder':
      return reminder;
    case 'escalation':
      return { ...reminder, level: words.level[1], originalRecipients: 'Sam Owner' };
    case 'digest': {
      const items = en
        ? ['- Notice deadline on 31 March 2027: Office lease Berlin', '- End on 30 April 2027: Cleaning services']
        : ['- Letzter Kündigungstag am 31. März 2027: Büromiete Berlin', '- Ende am 30. April 2027: Gebäudereinigung'];
      return {
        recipientName: reminder.recipientName,
        orgName: reminder.orgName,
        date: mailDate(locale, '2027-03-01'),
        count: String(items.length),
        items: items.join('\n'),
        appLink: app,
      };
    }
    case 'summary': {
      const s = words.summary;
      const upcoming = en
        ? '- Notice deadline on 31 March 2027: Office lease Berlin'
        : '- Letzter Kündigungstag am 31. März 2027: Büromiete Berlin';
      const waiting = en
        ? '- End on 30 April 2027: Cleaning services (reminded 2 March 2027)'
        : '- Ende am 30. April 2027: Gebäudereinigung (erinnert am 2. März 2027)';
      return {
        recipientName: reminder.recipientName,
        orgName: reminder.orgName,
        weekOf: mailDate(locale, '2027-03-01'),
        upcoming: `${s.upcoming}\n${upcoming}`,
        unacknowledged: `${s.unacknowledged}\n${waiting}`,
        undeliverable: '',
        allClear: '',
        appLink: app,
      };
    }
  }
}

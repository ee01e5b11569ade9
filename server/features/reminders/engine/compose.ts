import type { LOCALES } from '../../../../common/schemas/auth.js';
import type { EventType } from '../../../../common/schemas/reminders.js';
import { addDays, daysBetween } from '../../../../common/terms/dates.js';
import { computeTerms } from '../../../../common/terms/engine.js';
import type { Lifecycle } from '../../../../common/terms/lifecycle.js';
import type { Config } from '../../../config.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import { reminderLinkUrl } from '../links.js';
import { listLines, renderMail, summaryValues } from '../mail/render.js';
import type { Claimed, ReminderFacts, SummaryFacts } from './outbox.repo.js';

type Templates = Parameters<typeof renderMail>[0];
type Locale = (typeof LOCALES)[number];

const EVENT_LABELS: Record<Locale, Record<Exclude<EventType, 'custom'>, string>> = {
  en: { start: 'Start', end: 'End', notice_deadline: 'Notice deadline', renewal: 'Renewal' },
  de: { start: 'Beginn', end: 'Ende', notice_deadline: 'Kündigungsfrist', renewal: 'Verlängerung' },
};
const LEVELS: Record<Locale, Record<number, string>> = {
  en: { 1: 'the backup owner', 2: 'the administrators' },
  de: { 1: 'die Vertretung', 2: 'die Administratoren' },
};

/** How long an acknowledge/dismiss link works: until a week after the event. */
const LINK_GRACE_DAYS = 7;

export interface OrgFacts {
  id: string;
  name: string;
  timeZone: string;
  today: string;
}

const longDate = (date: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

function eventLabel(f: ReminderFacts, locale: Locale): string {
  return f.eventType === 'custom' ? (f.eventTitle ?? '') : EVENT_LABELS[locale][f.eventType as 'start'];
}

/** The proof sentence of a notice deadline, as the contract page shows it. */
function proofOf(f: ReminderFacts, today: string): string {
  if (f.eventType !== 'notice_deadline') return '';
  try {
    return computeTerms(f.lifecycle as Lifecycle, today).proof ?? '';
  } catch {
    return '';
  }
}

function itemLine(f: ReminderFacts, locale: Locale, today: string): string {
  const days = daysBetween(today, f.eventDate);
  const when = locale === 'de' ? `in ${days} Tagen` : `in ${days} days`;
  return `${eventLabel(f, locale)}: ${f.contractTitle}${f.contractNumber ? ` (${f.contractNumber})` : ''} — ${longDate(f.eventDate, locale)} (${when})`;
}

/** The mail for one claimed delivery, in the recipient's language, from the account's templates. */
export function compose(
  config: Config,
  templates: Templates,
  org: OrgFacts,
  d: Claimed,
  facts: { own: ReminderFacts | null; items: ReminderFacts[]; summary: SummaryFacts | null },
): Mail {
  const locale = d.locale;
  const messageId = `<${d.id}@${new URL(config.appUrl).hostname}>`;
  const base = { recipientName: facts.own?.recipientName ?? '', orgName: org.name, appLink: config.appUrl };
  let values: Record<string, string>;
  if (d.kind === 'reminder' || d.kind === 'escalation') {
    const f = facts.own!;
    const link = (action: 'acknowledge' | 'dismiss') =>
      d.infoOnly || d.kind === 'escalation'
        ? ''
        : reminderLinkUrl(config, {
            orgId: org.id,
            deliveryId: d.id,
            action,
            expiresAt: new Date(`${addDays(f.eventDate, LINK_GRACE_DAYS)}T23:59:59Z`),
          });
    values = {
      ...base,
      contractTitle: f.contractTitle,
      contractNumber: f.contractNumber ?? '',
      partnerName: f.partnerName ?? '',
      eventType: eventLabel(f, locale),
      eventTitle: f.eventTitle ?? eventLabel(f, locale),
      eventDate: longDate(f.eventDate, locale),
      daysLeft: String(daysBetween(org.today, f.eventDate)),
      proof: proofOf(f, org.today),
      contractLink: `${config.appUrl}/contracts/${f.contractId}`,
      acknowledgeLink: link('acknowledge'),
      dismissLink: link('dismiss'),
      level: d.kind === 'escalation' ? (LEVELS[locale][d.level] ?? '') : '',
      originalRecipients: [f.ownerName, d.level === 2 ? f.backupOwnerName : null].filter(Boolean).join(', '),
    };
  } else if (d.kind === 'digest') {
    values = {
      ...base,
      recipientName: facts.items[0]?.recipientName ?? '',
      date: longDate(org.today, locale),
      count: String(facts.items.length),
      items: listLines(facts.items.map((f) => itemLine(f, locale, org.today))),
    };
  } else {
    const s = facts.summary!;
    const since = locale === 'de' ? 'erinnert seit' : 'reminded since';
    values = {
      ...base,
      weekOf: longDate(org.today, locale),
      ...summaryValues(locale, {
        upcoming: s.upcoming.map(
          (u) => `${EVENT_LABELS[locale][u.eventType as 'end']}: ${u.contractTitle} — ${longDate(u.date, locale)}`,
        ),
        unacknowledged: s.unacknowledged.map(
          (u) =>
            `${u.contractTitle}: ${EVENT_LABELS[locale][u.eventType as 'end'] ?? u.eventType} ${longDate(u.date, locale)} (${since} ${longDate(u.since, locale)})`,
        ),
        undeliverable: s.undeliverable.map(
          (u) => `${u.recipientEmail}${u.contractTitle ? ` (${u.contractTitle})` : ''}: ${u.lastError ?? u.status}`,
        ),
      }),
    };
  }
  const rendered = renderMail(templates, d.kind, locale, values);
  return { to: d.recipientEmail, subject: rendered.subject, text: rendered.text, html: rendered.html, messageId };
}

/** The week (starting Monday) that `day` lies in. */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

import { asData } from '../../../../common/reminders/template.js';
import type { LOCALES } from '../../../../common/schemas/auth.js';
import { type EventType, isMailTemplateKind } from '../../../../common/schemas/reminders.js';
import { addDays, daysBetween } from '../../../../common/terms/dates.js';
import { computeTerms } from '../../../../common/terms/engine.js';
import type { Lifecycle } from '../../../../common/terms/lifecycle.js';
import type { Config } from '../../../config.js';
import type { Mail } from '../../../platform/mail/mailer.js';
import type { Claimed, OutboxOrg } from '../../../platform/mail/outbox.js';
import { reminderLinks } from '../links.js';
import { MAIL_WORDS, mailDate } from '../mail/defaults.js';
import { mailProof } from '../mail/proof.js';
import { listLines, renderMail, summaryValues } from '../mail/render.js';
import type { ReminderFacts, SummaryFacts } from './mail-facts.repo.js';

type Templates = Parameters<typeof renderMail>[0];
type Locale = (typeof LOCALES)[number];

/** How long an acknowledge/dismiss link works: until a week after the event. */
const LINK_GRACE_DAYS = 7;

function eventLabel(f: ReminderFacts, locale: Locale): string {
  return f.eventType === 'custom' ? asData(f.eventTitle) : MAIL_WORDS[locale].eventType[f.eventType as EventType];
}

/** The proof sentence of a notice deadline, as the contract page shows it, in the mail's language. */
function proofOf(f: ReminderFacts, today: string, locale: Locale): string {
  if (f.eventType !== 'notice_deadline') return '';
  try {
    const detail = computeTerms(f.lifecycle as Lifecycle, today).proofDetail;
    return detail ? mailProof(locale, detail) : '';
  } catch {
    return '';
  }
}

function itemLine(f: ReminderFacts, locale: Locale, today: string): string {
  const days = daysBetween(today, f.eventDate);
  const when = locale === 'de' ? `in ${days} Tagen` : `in ${days} days`;
  const number = f.contractNumber ? ` (${asData(f.contractNumber)})` : '';
  return `${eventLabel(f, locale)}: ${asData(f.contractTitle)}${number} — ${mailDate(locale, f.eventDate)} (${when})`;
}

/**
 * The mail for one claimed delivery, in the recipient's language, from the account's templates.
 * Everything people typed (titles, names, numbers) goes in through `asData`: plain text, never a link.
 */
export function compose(
  config: Config,
  templates: Templates,
  org: OutboxOrg,
  d: Claimed,
  facts: { own: ReminderFacts | null; items: ReminderFacts[]; summary: SummaryFacts | null },
): Mail {
  const locale = d.locale;
  const messageId = `<${d.id}@${new URL(config.appUrl).hostname}>`;
  const base = { recipientName: asData(facts.own?.recipientName), orgName: asData(org.name), appLink: config.appUrl };
  let values: Record<string, string>;
  if (d.kind === 'reminder' || d.kind === 'escalation') {
    const f = facts.own!;
    // Information-only recipients are told, not asked: no links for them.
    const links = d.infoOnly
      ? { acknowledgeLink: '', dismissLink: '' }
      : reminderLinks(config, {
          orgId: org.id,
          deliveryId: d.id,
          expiresAt: new Date(`${addDays(f.eventDate, LINK_GRACE_DAYS)}T23:59:59Z`),
        });
    values = {
      ...base,
      contractTitle: asData(f.contractTitle),
      contractNumber: asData(f.contractNumber),
      partnerName: asData(f.partnerName),
      eventType: eventLabel(f, locale),
      eventTitle: f.eventTitle ? asData(f.eventTitle) : eventLabel(f, locale),
      eventDate: mailDate(locale, f.eventDate),
      daysLeft: String(daysBetween(org.today, f.eventDate)),
      proof: proofOf(f, org.today, locale),
      contractLink: `${config.appUrl}/contracts/${f.contractId}`,
      ...links,
      level: d.kind === 'escalation' ? (MAIL_WORDS[locale].level[d.level as 1 | 2] ?? '') : '',
      originalRecipients: asData([f.ownerName, d.level === 2 ? f.backupOwnerName : null].filter(Boolean).join(', ')),
    };
  } else if (d.kind === 'digest') {
    values = {
      ...base,
      recipientName: asData(facts.items[0]?.recipientName),
      date: mailDate(locale, org.today),
      count: String(facts.items.length),
      items: listLines(facts.items.map((f) => itemLine(f, locale, org.today))),
    };
  } else {
    const s = facts.summary!;
    const since = locale === 'de' ? 'erinnert seit' : 'reminded since';
    values = {
      ...base,
      weekOf: mailDate(locale, org.today),
      ...summaryValues(locale, {
        upcoming: s.upcoming.map(
          (u) =>
            `${MAIL_WORDS[locale].eventType[u.eventType as EventType]}: ${asData(u.contractTitle)} — ${mailDate(locale, u.date)}`,
        ),
        unacknowledged: s.unacknowledged.map(
          (u) =>
            `${asData(u.contractTitle)}: ${MAIL_WORDS[locale].eventType[u.eventType as EventType] ?? u.eventType} ${mailDate(locale, u.date)} (${since} ${mailDate(locale, u.since)})`,
        ),
        undeliverable: s.undeliverable.map(
          (u) =>
            `${asData(u.recipientEmail)}${u.contractTitle ? ` (${asData(u.contractTitle)})` : ''}: ${asData(u.lastError) || u.status}`,
        ),
      }),
    };
  }
  if (!isMailTemplateKind(d.kind)) throw new Error(`no reminder mail of kind ${d.kind}`);
  const rendered = renderMail(templates, d.kind, locale, values);
  const { subject, text, html } = rendered;
  return { to: d.recipientEmail, subject, text, html, messageId, orgId: org.id };
}

/** The week (starting Monday) that `day` lies in. */
export function weekOf(day: string): string {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

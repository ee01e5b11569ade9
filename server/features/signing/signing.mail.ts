import { asData } from '../../../common/reminders/template.js';
import type { Config } from '../../config.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { compose } from '../../platform/mail/messages.js';
import {
  type Claimed,
  type Composers,
  type MailComposer,
  type OutboxOrg,
  SubjectGone,
} from '../../platform/mail/outbox.js';
import { versionBytesById } from '../documents/documents.generated.js';
import { openField, rowKeyOpener } from '../documents/documents.keys.js';
import { signingLinkUrl } from './links.js';
import { envelopeContext } from './signing.keys.js';
import { type EnvelopeFacts, envelopeFacts, type RecipientFacts, recipientFacts } from './signing-mail.repo.js';

type Facts = Map<string, RecipientFacts & { text: string | null }>;

const words = {
  en: {
    subject: (f: RecipientFacts) => `${f.senderName ?? 'Someone'} asks you to sign “${f.title}”`,
    reminder: 'Reminder',
    asks: (f: RecipientFacts, org: string) =>
      `${asData(f.senderName ?? 'Someone')} of ${asData(org)} asks you to sign “${asData(f.title)}”.`,
    hello: (name: string) => `Hello ${asData(name)},`,
    until: (date: string) => `The link works until ${date}. Only open it yourself: it lets whoever has it sign.`,
    label: 'Review and sign',
  },
  de: {
    subject: (f: RecipientFacts) => `${f.senderName ?? 'Jemand'} bittet Sie, „${f.title}“ zu unterschreiben`,
    reminder: 'Erinnerung',
    asks: (f: RecipientFacts, org: string) =>
      `${asData(f.senderName ?? 'Jemand')} von ${asData(org)} bittet Sie, „${asData(f.title)}“ zu unterschreiben.`,
    hello: (name: string) => `Hallo ${asData(name)},`,
    until: (date: string) =>
      `Der Link gilt bis ${date}. Öffnen Sie ihn nur selbst: Wer ihn hat, kann damit unterschreiben.`,
    label: 'Prüfen und unterschreiben',
  },
} as const;

function dateIn(locale: 'en' | 'de', timeZone: string, at: Date): string {
  return new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', { dateStyle: 'long', timeZone }).format(at);
}

/** A request (or reminder) to sign, with the recipient's own link; the sender's message as they typed it. */
function requestMail(config: Config, org: OutboxOrg, d: Claimed, f: RecipientFacts & { text: string | null }): Mail {
  if (f.status !== 'in_progress' || !f.expiresAt) throw new SubjectGone('the envelope is no longer out for signing');
  const w = words[d.locale];
  const href = signingLinkUrl(config, {
    orgId: org.id,
    recipientId: f.recipientId,
    generation: f.generation,
    purpose: 'sign',
    expiresAt: f.expiresAt,
  });
  const lines = [w.hello(f.name), '', w.asks(f, org.name), ...(f.text ? ['', asData(f.text)] : [])];
  lines.push('', w.until(dateIn(d.locale, org.timeZone, f.expiresAt)));
  const subject = d.kind === 'signing_reminder' ? `${w.reminder}: ${w.subject(f)}` : w.subject(f);
  const mail = compose(d.recipientEmail, subject, lines, { href, label: w.label });
  return { ...mail, orgId: org.id, messageId: `<${d.id}@${new URL(config.appUrl).hostname}>` };
}

/** Signing mails to a recipient: subject_id is the recipient; the envelope's message is opened once per batch. */
const recipientComposer: MailComposer<Facts> = {
  async facts(tx, orgId, claimed, _org, keys) {
    const rows = await recipientFacts(tx, orgId, [...new Set(claimed.map((d) => d.subjectId ?? ''))].filter(Boolean));
    const open = rowKeyOpener(keys);
    const facts: Facts = new Map();
    for (const r of rows) {
      const context = envelopeContext(orgId, r.envelopeId);
      const text = r.message ? openField(await open(r, context), context, 'message', r.message) : null;
      facts.set(r.recipientId, { ...r, text });
    }
    return facts;
  },
  compose(config, org, d, facts) {
    const f = d.subjectId ? facts.get(d.subjectId) : undefined;
    if (!f) throw new SubjectGone('the signing recipient is gone');
    return requestMail(config, org, d, f);
  },
};

const OUTCOME = {
  en: {
    declined: 'was declined',
    cancelled: 'was cancelled',
    expired: 'expired unsigned',
    seal_failed: 'was signed by everyone but could not be sealed',
    sealHelp: 'Deedbox tried ten times. Your operator can start it again with “deedbox signing reseal”.',
    label: 'Open Deedbox',
  },
  de: {
    declined: 'wurde abgelehnt',
    cancelled: 'wurde zurückgezogen',
    expired: 'ist ungezeichnet abgelaufen',
    seal_failed: 'wurde von allen unterschrieben, konnte aber nicht versiegelt werden',
    sealHelp: 'Deedbox hat es zehnmal versucht. Ihr Betreiber kann es mit „deedbox signing reseal“ erneut starten.',
    label: 'Deedbox öffnen',
  },
} as const;

/** How an envelope's outcome mail names its end, or null while it has none to tell. */
function outcomeOf(f: EnvelopeFacts): 'declined' | 'cancelled' | 'expired' | 'seal_failed' | null {
  if (f.status === 'declined' || f.status === 'cancelled' || f.status === 'expired') return f.status;
  return f.status === 'in_progress' && f.sealState === 'failed' ? 'seal_failed' : null;
}

/** That an envelope ended without being signed by all, or could not be sealed: subject_id is the envelope. */
const outcomeComposer: MailComposer<Map<string, EnvelopeFacts>> = {
  async facts(tx, orgId, claimed) {
    const rows = await envelopeFacts(tx, orgId, [...new Set(claimed.map((d) => d.subjectId ?? ''))].filter(Boolean));
    return new Map(rows.map((r) => [r.envelopeId, r]));
  },
  compose(config, org, d, facts) {
    const f = d.subjectId ? facts.get(d.subjectId) : undefined;
    const outcome = f ? outcomeOf(f) : null;
    if (!f || !outcome) throw new SubjectGone('the envelope has not ended');
    const w = OUTCOME[d.locale];
    const lines = [`„${asData(f.title)}“ (${asData(org.name)}) ${w[outcome]}.`];
    if (outcome === 'seal_failed') lines.push('', w.sealHelp);
    const mail = compose(d.recipientEmail, `${f.title}: ${w[outcome]}`, lines, { href: config.appUrl, label: w.label });
    return { ...mail, orgId: org.id, messageId: `<${d.id}@${new URL(config.appUrl).hostname}>` };
  },
};

/** Sealed documents up to this size go with the mail (SIGNING_ATTACH_MAX_MB's default). */
const ATTACH_MAX_BYTES = 10 * 1024 * 1024;
const COMPLETED = {
  en: {
    subject: 'Signed by all',
    line: 'has been signed by everyone. The sealed document is attached.',
    big: 'has been signed by everyone. The sealed document is in Deedbox.',
  },
  de: {
    subject: 'Von allen unterschrieben',
    line: 'wurde von allen unterschrieben. Das versiegelte Dokument liegt bei.',
    big: 'wurde von allen unterschrieben. Das versiegelte Dokument liegt in Deedbox.',
  },
} as const;

/** The sealed document, to every recipient and the sender: subject_id is the envelope. */
const completedComposer: MailComposer<Map<string, EnvelopeFacts & { pdf: Buffer | null }>> = {
  async facts(tx, orgId, claimed, _org, keys) {
    const rows = await envelopeFacts(tx, orgId, [...new Set(claimed.map((d) => d.subjectId ?? ''))].filter(Boolean));
    const facts = new Map<string, EnvelopeFacts & { pdf: Buffer | null }>();
    for (const r of rows) {
      const pdf = r.sealedVersionId ? await versionBytesById(keys, r.documentId, r.sealedVersionId) : null;
      facts.set(r.envelopeId, { ...r, pdf });
    }
    return facts;
  },
  compose(config, org, d, facts) {
    const f = d.subjectId ? facts.get(d.subjectId) : undefined;
    if (!f?.pdf || f.status !== 'completed') throw new SubjectGone('the envelope has no sealed document');
    const w = COMPLETED[d.locale];
    const attach = f.pdf.length <= ATTACH_MAX_BYTES;
    const line = `„${asData(f.title)}“ (${asData(org.name)}) ${attach ? w.line : w.big}`;
    const mail = compose(d.recipientEmail, `${w.subject}: ${f.title}`, [line], {
      href: config.appUrl,
      label: OUTCOME[d.locale].label,
    });
    const attachments = attach
      ? [
          {
            filename: `${f.title.replace(/[\\/:*?"<>|]/g, '_')} (signed).pdf`,
            content: f.pdf,
            contentType: 'application/pdf',
          },
        ]
      : [];
    return { ...mail, attachments, orgId: org.id, messageId: `<${d.id}@${new URL(config.appUrl).hostname}>` };
  },
};

/** The signing kinds' composers, for `server/mail-kinds.ts`. */
export const signingMail: Composers = {
  signing_request: recipientComposer,
  signing_reminder: recipientComposer,
  signing_outcome: outcomeComposer,
  signing_completed: completedComposer,
};

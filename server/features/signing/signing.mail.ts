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
import { signingCode } from './codes.js';
import { downloadLinkExpiry } from './download-link.service.js';
import { signedDocumentUrl, signingLinkUrl } from './links.js';
import { envelopeContext } from './signing.keys.js';
import {
  type EnvelopeFacts,
  envelopeFacts,
  linkHolders,
  type RecipientFacts,
  recipientFacts,
} from './signing-mail.repo.js';

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
  // Queued before the sender changed the address: the link is the new address's now.
  if (f.email.toLowerCase() !== d.recipientEmail.toLowerCase())
    throw new SubjectGone('the recipient has a new address');
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

const CODE = {
  en: {
    subject: (title: string) => `Your code to sign “${title}”`,
    line: (title: string, org: string) => `Your code to open and sign “${asData(title)}” (${asData(org)}) is:`,
    valid: (time: string) => `It works once, until ${time}. If you did not ask for it, ignore this mail.`,
  },
  de: {
    subject: (title: string) => `Ihr Code zum Unterschreiben von „${title}“`,
    line: (title: string, org: string) =>
      `Ihr Code zum Öffnen und Unterschreiben von „${asData(title)}“ (${asData(org)}):`,
    valid: (time: string) =>
      `Er gilt einmal, bis ${time} Uhr. Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail.`,
  },
} as const;

/** The recipient's current one-time code (subject_id is the recipient); a used, burnt or expired one is not sent. */
const codeComposer: MailComposer<Facts> = {
  facts: (...args) => recipientComposer.facts(...args),
  compose(config, org, d, facts) {
    const f = d.subjectId ? facts.get(d.subjectId) : undefined;
    if (f?.status !== 'in_progress') throw new SubjectGone('the envelope is no longer out for signing');
    if (f.email.toLowerCase() !== d.recipientEmail.toLowerCase()) {
      throw new SubjectGone('the recipient has a new address');
    }
    if (!f.codeExpiresAt || f.codeExpiresAt <= new Date()) throw new SubjectGone('the code was used or has expired');
    const w = CODE[d.locale];
    const time = new Intl.DateTimeFormat(d.locale === 'de' ? 'de-DE' : 'en-GB', {
      timeStyle: 'short',
      timeZone: org.timeZone,
    }).format(f.codeExpiresAt);
    const code = signingCode(config.secretKey, f.recipientId, f.codeSerial);
    const lines = [w.line(f.title, org.name), '', code, '', w.valid(time)];
    const mail = compose(d.recipientEmail, w.subject(f.title), lines);
    return { ...mail, orgId: org.id, messageId: `<${d.id}@${new URL(config.appUrl).hostname}>` };
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
    big: 'has been signed by everyone.',
    link: (date: string) => `You can download the sealed document with the button below until ${date}.`,
    label: 'Download the signed document',
    sender: 'The sealed document is the newest version of the document in Deedbox.',
  },
  de: {
    subject: 'Von allen unterschrieben',
    line: 'wurde von allen unterschrieben. Das versiegelte Dokument liegt bei.',
    big: 'wurde von allen unterschrieben.',
    link: (date: string) =>
      `Das versiegelte Dokument können Sie bis ${date} über die Schaltfläche unten herunterladen.`,
    label: 'Unterschriebenes Dokument herunterladen',
    sender: 'Das versiegelte Dokument ist die neueste Version des Dokuments in Deedbox.',
  },
} as const;

type CompletedFacts = EnvelopeFacts & { pdf: Buffer | null; holders: Awaited<ReturnType<typeof linkHolders>> };

/** A recipient's own download link (valid 30 days after completion); the sender opens the envelope in the app instead. */
function downloadButton(config: Config, org: OutboxOrg, d: Claimed, f: CompletedFacts, completedAt: Date) {
  const holder = f.holders.find((h) => h.email.toLowerCase() === d.recipientEmail.toLowerCase());
  const w = COMPLETED[d.locale];
  if (!holder || d.recipientUserId) {
    return { line: w.sender, href: `${config.appUrl}/envelopes/${f.envelopeId}`, label: OUTCOME[d.locale].label };
  }
  const expiresAt = downloadLinkExpiry(completedAt);
  const href = signedDocumentUrl(config, {
    orgId: org.id,
    recipientId: holder.id,
    generation: holder.generation,
    purpose: 'download',
    expiresAt,
  });
  return { line: w.link(dateIn(d.locale, org.timeZone, expiresAt)), href, label: w.label };
}

/** The sealed document, to every recipient and the sender: subject_id is the envelope. */
const completedComposer: MailComposer<Map<string, CompletedFacts>> = {
  async facts(tx, orgId, claimed, _org, keys) {
    const ids = [...new Set(claimed.map((d) => d.subjectId ?? ''))].filter(Boolean);
    const rows = await envelopeFacts(tx, orgId, ids);
    const holders = await linkHolders(tx, orgId, ids);
    const facts = new Map<string, CompletedFacts>();
    for (const r of rows) {
      const pdf = r.sealedVersionId ? await versionBytesById(keys, r.documentId, r.sealedVersionId) : null;
      facts.set(r.envelopeId, { ...r, pdf, holders: holders.filter((h) => h.envelopeId === r.envelopeId) });
    }
    return facts;
  },
  compose(config, org, d, facts) {
    const f = d.subjectId ? facts.get(d.subjectId) : undefined;
    if (!f?.pdf || f.status !== 'completed' || !f.completedAt) {
      throw new SubjectGone('the envelope has no sealed document');
    }
    const w = COMPLETED[d.locale];
    const attach = f.pdf.length <= ATTACH_MAX_BYTES;
    const button = downloadButton(config, org, d, f, f.completedAt);
    const lines = [`„${asData(f.title)}“ (${asData(org.name)}) ${attach ? w.line : w.big}`, '', button.line];
    const mail = compose(d.recipientEmail, `${w.subject}: ${f.title}`, lines, {
      href: button.href,
      label: button.label,
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
  signing_code: codeComposer,
  signing_outcome: outcomeComposer,
  signing_completed: completedComposer,
};

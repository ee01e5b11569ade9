import { escapeHtml } from '../../../common/reminders/template.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { type Composers, type MailComposer, SubjectGone } from '../../platform/mail/outbox.js';
import { mailDate } from '../reminders/mail/defaults.js';
import * as repo from './approvals.mail.repo.js';
import { APPROVAL_MAIL_KINDS, type ApprovalMailKind } from './approvals.outbox.js';

type Locale = 'en' | 'de';

/** The outbox row as the composer needs it. */
export interface ApprovalDelivery {
  id: string;
  kind: ApprovalMailKind;
  subjectId: string | null;
  recipientEmail: string;
  locale: Locale;
}

export interface ApprovalMailFacts {
  contractId: string;
  contractTitle: string;
  contractNumber: string | null;
  requesterName: string | null;
  stepName: string | null;
  dueOn: string | null;
  /** How the round ended (outcome mails). */
  outcome: 'approved' | 'rejected' | null;
  rejectedBy: string | null;
  rejectionComment: string | null;
}

/** What the mail says, read when it is sent: null when its approval no longer exists (nothing to send). */
export async function loadApprovalFacts(tx: Tx, orgId: string, d: ApprovalDelivery): Promise<ApprovalMailFacts | null> {
  if (!d.subjectId) return null;
  const bySlot = d.kind === 'approval_request';
  const found = await repo.workflowFacts(tx, orgId, bySlot ? { slotId: d.subjectId } : { workflowId: d.subjectId });
  if (!found) return null;
  const w = found.workflow;
  const position = bySlot ? await repo.slotPosition(tx, orgId, d.subjectId) : null;
  const step = await repo.stepFacts(tx, orgId, w.id, position);
  const outcome = w.status === 'approved' || w.status === 'rejected' ? w.status : null;
  const rejected = outcome === 'rejected' ? await repo.rejection(tx, orgId, w.id) : null;
  return {
    contractId: w.contractId,
    contractTitle: found.contractTitle,
    contractNumber: found.contractNumber,
    requesterName: found.requesterName,
    stepName: step?.name ?? null,
    dueOn: step?.dueOn ?? null,
    outcome,
    rejectedBy: rejected?.userName ?? null,
    rejectionComment: rejected?.comment ?? null,
  };
}

/** Subject and paragraphs; every value someone typed stays a separate, escaped piece. */
function words(kind: ApprovalMailKind, locale: Locale, f: ApprovalMailFacts): { subject: string; lines: string[] } {
  const title = f.contractNumber ? `${f.contractTitle} (${f.contractNumber})` : f.contractTitle;
  const who = f.requesterName ?? (locale === 'de' ? 'Jemand' : 'Someone');
  const step = f.stepName ?? '';
  const due = f.dueOn ? mailDate(locale, f.dueOn) : null;
  const de = locale === 'de';
  switch (kind) {
    case 'approval_request':
      return {
        subject: de ? `Freigabe erbeten: ${title}` : `Approval requested: ${title}`,
        lines: [
          de
            ? `${who} bittet Sie, den Vertrag „${title}“ freizugeben (Schritt „${step}“).`
            : `${who} asks you to approve the contract “${title}” (step “${step}”).`,
          ...(due ? [de ? `Fällig bis ${due}.` : `Due by ${due}.`] : []),
        ],
      };
    case 'approval_overdue':
      return {
        subject: de ? `Freigabe überfällig: ${title}` : `Approval overdue: ${title}`,
        lines: [
          de
            ? `Der Schritt „${step}“ der Freigabe für „${title}“ war bis ${due ?? '–'} fällig und wartet noch auf eine Antwort.`
            : `Step “${step}” of the approval of “${title}” was due by ${due ?? '–'} and is still waiting for an answer.`,
        ],
      };
    case 'approval_outcome':
      return outcomeWords(de, title, f);
  }
}

function outcomeWords(de: boolean, title: string, f: ApprovalMailFacts) {
  if (f.outcome === 'approved')
    return {
      subject: de ? `Freigegeben: ${title}` : `Approved: ${title}`,
      lines: [de ? `Ihre Freigabe für „${title}“ ist erteilt.` : `Your approval request for “${title}” was approved.`],
    };
  const by = f.rejectedBy ?? (de ? 'Jemand' : 'Someone');
  return {
    subject: de ? `Abgelehnt: ${title}` : `Rejected: ${title}`,
    lines: [
      de ? `${by} hat die Freigabe für „${title}“ abgelehnt.` : `${by} rejected the approval of “${title}”.`,
      ...(f.rejectionComment ? [de ? `Begründung: ${f.rejectionComment}` : `Reason: ${f.rejectionComment}`] : []),
    ],
  };
}

/** One approval mail, in the recipient's language; the link opens the contract's Approval tab (sign-in required). */
export function composeApprovalMail(
  config: Pick<Config, 'appUrl'>,
  org: { id: string; name: string },
  d: ApprovalDelivery,
  facts: ApprovalMailFacts,
): Mail {
  const { subject, lines } = words(d.kind, d.locale, facts);
  const link = `${config.appUrl}/contracts/${facts.contractId}?tab=approval`;
  const open = d.locale === 'de' ? 'Vertrag öffnen' : 'Open the contract';
  const footer = d.locale === 'de' ? `Gesendet von Deedbox für ${org.name}.` : `Sent by Deedbox for ${org.name}.`;
  const text = [...lines, '', `${open}: ${link}`, '', footer].join('\n');
  const html = [
    ...lines.map((l) => `<p>${escapeHtml(l)}</p>`),
    `<p><a href="${escapeHtml(link)}">${escapeHtml(open)}</a></p>`,
    `<p style="color:#666">${escapeHtml(footer)}</p>`,
  ].join('\n');
  return {
    to: d.recipientEmail,
    subject: subject.replace(/[\r\n]+/g, ' '),
    text,
    html,
    messageId: `<${d.id}@${new URL(config.appUrl).hostname}>`,
    orgId: org.id,
  };
}

const isApprovalKind = (kind: string): kind is ApprovalMailKind =>
  (APPROVAL_MAIL_KINDS as readonly string[]).includes(kind);

/** The outbox's composer for the three approval kinds: each mail's facts read when it is sent. */
const approvalComposer: MailComposer<Map<string, ApprovalMailFacts | null>> = {
  async facts(tx, orgId, claimed) {
    const found = new Map<string, ApprovalMailFacts | null>();
    for (const d of claimed) {
      if (!isApprovalKind(d.kind)) continue;
      found.set(d.id, await loadApprovalFacts(tx, orgId, { ...d, kind: d.kind }));
    }
    return found;
  },
  compose(config, org, d, found) {
    const facts = found.get(d.id);
    if (!facts || !isApprovalKind(d.kind)) throw new SubjectGone('the approval is gone');
    return composeApprovalMail(config, org, { ...d, kind: d.kind }, facts);
  },
};

/** For `server/mail-kinds.ts`. */
export const approvalsMail: Composers = Object.fromEntries(APPROVAL_MAIL_KINDS.map((kind) => [kind, approvalComposer]));

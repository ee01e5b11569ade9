import type { Receipt } from '../../features/retention/receipts.js';
import type { Mail } from './mailer.js';
import { compose } from './messages.js';

type Locale = 'en' | 'de';

const TEXT = {
  en: {
    subject: 'Your Deedbox account was deleted',
    lines: (r: Receipt) => [
      'Hello,',
      `the Deedbox account ${r.orgId} and everything in it were deleted on ${r.deletedAt.slice(0, 10)}: every contract, document, user and activity-log entry, and its encryption key.`,
      `Its documents and encrypted fields became unreadable in every backup at that moment; the remaining rows age out of backups by ${r.backupsReadableUntil}.`,
      'The attached deletion receipt is signed by this Deedbox deployment. Keep it: `deedbox receipts verify receipt.json` or any Ed25519 tool checks it.',
    ],
    label: 'Deedbox',
  },
  de: {
    subject: 'Ihr Deedbox-Konto wurde gelöscht',
    lines: (r: Receipt) => [
      'Hallo,',
      `das Deedbox-Konto ${r.orgId} und alles darin wurden am ${r.deletedAt.slice(0, 10)} gelöscht: alle Verträge, Dokumente, Benutzer und Einträge des Aktivitätsprotokolls sowie sein Schlüssel.`,
      `Seine Dokumente und verschlüsselten Felder wurden in diesem Moment in jeder Sicherung unlesbar; die übrigen Zeilen sind bis ${r.backupsReadableUntil} aus allen Sicherungen verschwunden.`,
      'Die angehängte Löschbestätigung ist von dieser Deedbox-Installation signiert. Bewahren Sie sie auf: `deedbox receipts verify receipt.json` oder jedes Ed25519-Werkzeug prüft sie.',
    ],
    label: 'Deedbox',
  },
} as const;

/** The signed deletion receipt, to an administrator of the deleted account. */
export function deletionReceiptMail(locale: Locale, to: string, receipt: Receipt): Mail {
  const t = TEXT[locale];
  const mail = compose(to, t.subject, t.lines(receipt), { href: receipt.deployment, label: t.label });
  return {
    ...mail,
    attachments: [
      {
        filename: `deletion-receipt-${receipt.orgId}.json`,
        content: `${JSON.stringify(receipt, null, 2)}\n`,
        contentType: 'application/json',
      },
    ],
  };
}

import { asData } from '../../../common/reminders/template.js';
import { compose } from '../../platform/mail/messages.js';
import { type Composers, type MailComposer, SubjectGone } from '../../platform/mail/outbox.js';
import type { EndpointRow } from './webhooks.repo.js';
import * as repo from './webhooks.repo.js';

const WORDS = {
  en: {
    subject: 'A webhook endpoint was disabled',
    line: (url: string, org: string) =>
      `Deedbox disabled the webhook endpoint ${asData(url)} of ${asData(org)}: every delivery to it failed for three days.`,
    help: 'Its events wait. Fix the receiver, then enable the endpoint under Settings → Webhooks; the waiting events are sent then.',
    label: 'Open webhook settings',
  },
  de: {
    subject: 'Ein Webhook-Endpunkt wurde deaktiviert',
    line: (url: string, org: string) =>
      `Deedbox hat den Webhook-Endpunkt ${asData(url)} von ${asData(org)} deaktiviert: Drei Tage lang ist jede Zustellung fehlgeschlagen.`,
    help: 'Seine Ereignisse warten. Beheben Sie den Fehler beim Empfänger und aktivieren Sie den Endpunkt unter Einstellungen → Webhooks; dann werden die wartenden Ereignisse gesendet.',
    label: 'Webhook-Einstellungen öffnen',
  },
} as const;

/** That failing deliveries disabled an endpoint: subject_id is the endpoint, one mail per administrator. */
const disabledComposer: MailComposer<Map<string, EndpointRow>> = {
  async facts(tx, orgId, claimed) {
    const out = new Map<string, EndpointRow>();
    for (const id of new Set(claimed.map((d) => d.subjectId ?? ''))) {
      const row = id ? await repo.findEndpoint(tx, orgId, id) : null;
      if (row) out.set(id, row);
    }
    return out;
  },
  compose(config, org, d, facts) {
    const endpoint = d.subjectId ? facts.get(d.subjectId) : undefined;
    if (!endpoint) throw new SubjectGone('the endpoint is gone');
    const w = WORDS[d.locale];
    const mail = compose(d.recipientEmail, w.subject, [w.line(endpoint.url, org.name), '', w.help], {
      href: `${config.appUrl}/settings/webhooks`,
      label: w.label,
    });
    return { ...mail, orgId: org.id, messageId: `<${d.id}@${new URL(config.appUrl).hostname}>` };
  },
};

export const webhooksMail: Composers = { webhook_disabled: disabledComposer };

import { MAIL_TEMPLATE_KINDS, type MailTemplateKind } from '../../../../common/schemas/reminders.js';
import { type Composers, type MailComposer, SubjectGone } from '../../../platform/mail/outbox.js';
import { loadTemplates, type TemplateSet } from '../mail/render.js';
import { compose } from './compose.js';
import * as facts from './mail-facts.repo.js';

/** The outbox kinds reminders send: reminder, escalation, digest, summary. */
export const REMINDER_KINDS: readonly MailTemplateKind[] = MAIL_TEMPLATE_KINDS;

interface ReminderBatch {
  templates: TemplateSet;
  items: Awaited<ReturnType<typeof facts.reminderFacts>>;
  summary: facts.SummaryFacts | null;
}

/** One composer for the four kinds: the account's templates and the batch's facts are read once. */
const reminderComposer: MailComposer<ReminderBatch> = {
  async facts(tx, orgId, claimed, org) {
    const reminderIds = claimed.filter((d) => d.kind === 'reminder' || d.kind === 'escalation').map((d) => d.id);
    const digestIds = claimed.filter((d) => d.kind === 'digest').map((d) => d.id);
    return {
      templates: await loadTemplates(tx, orgId),
      items: await facts.reminderFacts(tx, orgId, { deliveryIds: reminderIds, digestIds }),
      summary: claimed.some((d) => d.kind === 'summary') ? await facts.summaryFacts(tx, orgId, org.today) : null,
    };
  },
  compose(config, org, d, batch) {
    const own = batch.items.find((f) => f.deliveryId === d.id) ?? null;
    if ((d.kind === 'reminder' || d.kind === 'escalation') && !own) throw new SubjectGone('the reminder is gone');
    const items = batch.items.filter((f) => f.digestId === d.id);
    return compose(config, batch.templates, org, d, { own, items, summary: batch.summary });
  },
};

/** The reminders' composers, for `server/mail-kinds.ts` and for `reminders.run`'s own sending. */
export const remindersMail: Composers = Object.fromEntries(REMINDER_KINDS.map((kind) => [kind, reminderComposer]));

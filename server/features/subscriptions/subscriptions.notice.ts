import { asData } from '../../../common/reminders/template.js';
import { deletionDate } from '../../../common/subscriptions.js';
import type { Ctx } from '../../platform/context.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { compose } from '../../platform/mail/messages.js';
import { record } from '../audit/audit.service.js';
import { findOrg } from '../users/users.repo.js';
import * as repo from './subscriptions.repo.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

interface Facts {
  orgName: string;
  cancelledOn: string;
  since: string;
  until: string;
  href: string;
}

export function readOnlyMail(locale: 'en' | 'de', to: string, f: Facts): Mail {
  return locale === 'de'
    ? compose(
        to,
        `${f.orgName} ist auf Deedbox jetzt schreibgeschützt`,
        [
          `Das Abonnement von ${asData(f.orgName)} wurde am ${f.cancelledOn} gekündigt; seit ${f.since} ist das Konto schreibgeschützt.`,
          'Alle können sich weiter anmelden, lesen und exportieren, aber nichts mehr ändern. Erinnerungen werden nicht mehr versandt.',
          `Die Daten werden bis ${f.until} aufbewahrt und danach gelöscht. Ein Administrator kann das Abonnement bis dahin reaktivieren.`,
        ],
        { href: f.href, label: 'Abonnement ansehen' },
      )
    : compose(
        to,
        `${f.orgName} is now read-only on Deedbox`,
        [
          `The subscription of ${asData(f.orgName)} was cancelled on ${f.cancelledOn}; the account is read-only since ${f.since}.`,
          'Everyone can still sign in, read and export, but nothing can be changed. Reminders are no longer sent.',
          `The data is kept until ${f.until} and deleted after that. An administrator can reactivate the subscription until then.`,
        ],
        { href: f.href, label: 'View the subscription' },
      );
}

/**
 * Tells the administrators, once per cancellation, that the account has turned read-only: the
 * claim on the subscription row makes a second run (or a second worker) send nothing.
 */
export async function noticeIfReadOnly(ctx: Ctx, now: Date): Promise<number> {
  const row = await repo.claimReadOnlyNotice(ctx.tx, ctx.orgId, now);
  if (!row) return 0;
  const org = (await findOrg(ctx.tx, ctx.orgId))!;
  const since = row.accessUntil!;
  const until = deletionDate(since, ctx.deps.config.subscriptions.retentionMonths);
  const facts: Facts = {
    orgName: org.name,
    cancelledOn: day(row.cancelledAt ?? since),
    since: day(since),
    until: day(until),
    href: `${ctx.deps.config.appUrl}/settings/subscription`,
  };
  const admins = await repo.adminRecipients(ctx.tx, ctx.orgId);
  await record(ctx, {
    action: 'subscription.read_only',
    objectType: 'subscription',
    objectId: ctx.orgId,
    extra: { since: since.toISOString(), deletionDate: until.toISOString(), notified: admins.length },
  });
  for (const admin of admins) {
    const mail = { ...readOnlyMail(admin.locale, admin.email, facts), orgId: ctx.orgId };
    ctx.afterCommit(() => ctx.deps.mailer.send(mail));
  }
  return admins.length;
}

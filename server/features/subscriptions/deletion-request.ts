import { asData } from '../../../common/reminders/template.js';
import type { DeletionRequestInput } from '../../../common/schemas/subscriptions.js';
import type { Ctx } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { Mail } from '../../platform/mail/mailer.js';
import { compose } from '../../platform/mail/messages.js';
import { requireAdmin } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { confirmPassword } from '../auth/password-check.js';
import { findOrg } from '../users/users.repo.js';
import * as repo from './subscriptions.repo.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

type Change = 'requested' | 'cancelled';

function deletionRequestMail(
  locale: 'en' | 'de',
  to: string,
  change: Change,
  f: { orgName: string; by: string; due: string; href: string },
): Mail {
  const org = asData(f.orgName);
  const by = asData(f.by);
  if (locale === 'de') {
    return change === 'requested'
      ? compose(
          to,
          `${f.orgName} wird am ${f.due} gelöscht`,
          [
            `${by} hat die Löschung des Deedbox-Kontos ${org} beantragt.`,
            `Am ${f.due} werden alle Verträge, Dokumente, Benutzer und das Aktivitätsprotokoll endgültig gelöscht. Bis dahin kann jeder Administrator die Löschung abbrechen. Exportieren Sie vorher, was Sie behalten möchten.`,
          ],
          { href: f.href, label: 'Löschung ansehen oder abbrechen' },
        )
      : compose(
          to,
          `Die Löschung von ${f.orgName} wurde abgebrochen`,
          [`${by} hat die beantragte Löschung des Deedbox-Kontos ${org} abgebrochen. Es bleibt bestehen.`],
          { href: f.href, label: 'Abonnement ansehen' },
        );
  }
  return change === 'requested'
    ? compose(
        to,
        `${f.orgName} will be deleted on ${f.due}`,
        [
          `${by} asked for the Deedbox account ${org} to be deleted.`,
          `On ${f.due} every contract, document, user and the activity log are deleted for good. Until then any administrator can cancel the deletion. Export first whatever you want to keep.`,
        ],
        { href: f.href, label: 'View or cancel the deletion' },
      )
    : compose(
        to,
        `The deletion of ${f.orgName} was cancelled`,
        [`${by} cancelled the requested deletion of the Deedbox account ${org}. It stays.`],
        { href: f.href, label: 'View the subscription' },
      );
}

async function tellAdministrators(ctx: Ctx, change: Change, orgName: string, due: Date): Promise<void> {
  const by = ctx.actor.type === 'user' ? ctx.actor.name : 'Deedbox';
  const href = `${ctx.deps.config.appUrl}/settings/subscription`;
  for (const admin of await repo.adminRecipients(ctx.tx, ctx.orgId)) {
    const mail = deletionRequestMail(admin.locale === 'de' ? 'de' : 'en', admin.email, change, {
      orgName,
      by,
      due: day(due),
      href,
    });
    ctx.afterCommit(() =>
      ctx.deps.mailer
        .send({ ...mail, orgId: ctx.orgId })
        .then(() => undefined)
        .catch((err: unknown) => ctx.deps.log.error({ err, orgId: ctx.orgId }, 'deletion request mail failed')),
    );
  }
}

/**
 * An administrator asks for the whole account to be deleted: their password again and the
 * account's exact name, as a check. The deletion runs after DELETION_GRACE_DAYS (the retention
 * run), unless any administrator cancels it first; every administrator is mailed. Refused under
 * a legal hold, and for API keys (a person must ask).
 */
export async function requestDeletion(ctx: Ctx, input: DeletionRequestInput): Promise<void> {
  requireAdmin(ctx);
  if (ctx.actor.type !== 'user') throw AppError.forbidden('Only a signed-in administrator can ask for deletion.');
  const org = (await findOrg(ctx.tx, ctx.orgId))!;
  const row = await repo.lock(ctx.tx, ctx.orgId);
  if (!row) throw AppError.notFound('Subscription');
  if (row.deletionDueAt) {
    throw AppError.because(
      'conflict',
      'deletion_already_requested',
      'The deletion of this account is already requested.',
    );
  }
  if (org.legalHoldReason !== null) {
    throw AppError.because('conflict', 'legal_hold', 'This account is under a legal hold: it cannot be deleted now.');
  }
  if (input.confirmName.trim() !== org.name) {
    throw AppError.invalid('confirmName', 'not_the_name', 'must be the account’s exact name');
  }
  await confirmPassword(ctx, ctx.actor.id, input.password, {
    field: 'password',
    message: 'is not your password',
    purpose: 'delete_account',
  });
  const now = new Date();
  const due = new Date(now.getTime() + ctx.deps.config.subscriptions.deletionGraceDays * 86_400_000);
  await repo.update(ctx.tx, ctx.orgId, {
    deletionRequestedAt: now,
    deletionRequestedBy: ctx.actor.id,
    deletionDueAt: due,
  });
  await record(ctx, {
    action: 'subscription.deletion_requested',
    objectType: 'subscription',
    objectId: ctx.orgId,
    extra: { dueAt: due.toISOString() },
  });
  await tellAdministrators(ctx, 'requested', org.name, due);
}

/** Any administrator cancels a requested deletion before it runs; every administrator is mailed. */
export async function cancelDeletion(ctx: Ctx): Promise<void> {
  requireAdmin(ctx);
  const row = await repo.lock(ctx.tx, ctx.orgId);
  if (!row) throw AppError.notFound('Subscription');
  if (!row.deletionDueAt) {
    throw AppError.because('conflict', 'no_deletion_requested', 'No deletion of this account is requested.');
  }
  await repo.update(ctx.tx, ctx.orgId, { deletionRequestedAt: null, deletionRequestedBy: null, deletionDueAt: null });
  await record(ctx, {
    action: 'subscription.deletion_cancelled',
    objectType: 'subscription',
    objectId: ctx.orgId,
    extra: { dueAt: row.deletionDueAt.toISOString() },
  });
  const org = (await findOrg(ctx.tx, ctx.orgId))!;
  await tellAdministrators(ctx, 'cancelled', org.name, row.deletionDueAt);
}

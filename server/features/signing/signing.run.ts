import { randomUUID } from 'node:crypto';
import { MAIL_KINDS } from '../../mail-kinds.js';
import { type Ctx, type Deps, runInOrg } from '../../platform/context.js';
import { sendOrgMail } from '../../platform/mail/mail.jobs.js';
import { record } from '../audit/audit.service.js';
import { resolveAsOf } from '../reminders/engine/run.js';
import * as repo from './envelopes.repo.js';
import { sealDue } from './seal.job.js';
import { signingOrgs, sweepSigning } from './signing.sweep.js';

/** `deedbox signing run`: the sweep, the seal and the outbox once, for every org (or one) as of `asOf`. */
export async function runSigning(deps: Deps, opts: { asOf?: string; orgId?: string } = {}) {
  const total = { orgs: 0, expired: 0, reminders: 0, sealed: 0, sealFailed: 0, mailed: 0, errors: 0 };
  for (const org of await signingOrgs(deps, opts.orgId)) {
    const now = resolveAsOf(opts.asOf, org.timeZone);
    try {
      const swept = await sweepSigning(deps, org.id, now);
      const sealed = await sealDue(deps, org.id, now);
      const mail = await sendOrgMail(deps, org.id, now, MAIL_KINDS);
      total.expired += swept.expired;
      total.reminders += swept.reminders;
      total.sealed += sealed.sealed;
      total.sealFailed += sealed.failed;
      total.mailed += mail.sent;
    } catch (err) {
      deps.log.error({ err, orgId: org.id }, 'signing run failed for an org');
      total.errors++;
    }
    total.orgs++;
  }
  return total;
}

const OPERATOR = { type: 'system' as const, name: 'deedbox CLI' };

/** `deedbox signing reseal`: an envelope whose seal failed for good is queued again; null when none of that id failed. */
export async function reseal(deps: Deps, envelopeId: string): Promise<{ orgId: string; envelopeId: string } | null> {
  for (const org of await signingOrgs(deps)) {
    const request = { id: randomUUID(), ip: null, userAgent: 'deedbox-cli', via: 'cli' as const };
    const done = await runInOrg(deps, { orgId: org.id, actor: OPERATOR }, request, (ctx) => requeue(ctx, envelopeId));
    if (done !== undefined) return done ? { orgId: org.id, envelopeId } : null;
  }
  return null;
}

/** undefined: not this org's envelope; false: not failed; true: pending again. */
async function requeue(ctx: Ctx, id: string): Promise<boolean | undefined> {
  const row = await repo.find(ctx.tx, ctx.orgId, id, { lock: true });
  if (!row) return undefined;
  if (row.sealState !== 'failed') return false;
  await repo.update(ctx.tx, ctx.orgId, id, {
    sealState: 'pending',
    sealAfter: new Date(),
    sealAttempts: 0,
    sealError: null,
  });
  await record(ctx, {
    action: 'envelope.seal_requeued',
    objectType: 'envelope',
    objectId: id,
    changes: { sealState: { before: 'failed', after: 'pending' } },
  });
  return true;
}

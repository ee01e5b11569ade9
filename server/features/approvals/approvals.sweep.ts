import { randomUUID } from 'node:crypto';
import { todayIn } from '../../../common/terms/dates.js';
import { type Actor, type Deps, type RequestMeta, runInOrg, transact } from '../../platform/context.js';
import { allOrgs, type SweptOrg } from '../../platform/jobs/orgs.repo.js';
import { resolveAsOf } from '../reminders/engine/run.js';
import { peopleOf } from './approvals.flow.js';
import { queueApprovalMail } from './approvals.outbox.js';
import * as people from './approvals.people.repo.js';
import * as tasks from './approvals.tasks.repo.js';
import * as repo from './workflows.repo.js';

const SWEEPER: Actor = { type: 'system', name: 'deedbox approvals' };
const request = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-approvals', via: 'cli' });

export interface SweepResult {
  overdueSteps: number;
  mails: number;
}

/**
 * Overdue steps of one org as of `now`: each active step due before today (in the org's time zone)
 * gets one `approval_overdue` mail a day to its open slots' people and the requester.
 */
export async function sweepOrg(deps: Deps, org: SweptOrg, now: Date): Promise<SweepResult> {
  return runInOrg(deps, { orgId: org.id, actor: SWEEPER }, request(), async (ctx) => {
    const today = todayIn(org.timeZone, now);
    const due = await tasks.overdueSteps(ctx.tx, org.id, today);
    let mails = 0;
    for (const { workflow, position } of due) {
      const open = (await repo.slotsOf(ctx.tx, org.id, workflow.id)).filter(
        (s) => s.position === position && s.status === 'open',
      );
      const approvers = (await Promise.all(open.map((s) => peopleOf(ctx, s, workflow.requestedBy)))).flat();
      const requester = workflow.requestedBy ? await people.activeMembers(ctx.tx, org.id, [workflow.requestedBy]) : [];
      const recipients = new Map([...approvers, ...requester].map((p) => [p.id, p]));
      for (const person of recipients.values()) {
        const queued = await queueApprovalMail(ctx, {
          kind: 'approval_overdue',
          subjectId: workflow.id,
          contractId: workflow.contractId,
          recipient: person,
          // Per recipient: the outbox's dedupe key is unique per row.
          dedupeKey: `approval_overdue:${workflow.id}:${position}:${today}:${person.id}`,
          now,
        });
        if (queued) mails++;
      }
      await repo.updateStep(ctx.tx, org.id, workflow.id, position, { overdueMailedOn: today });
    }
    return { overdueSteps: due.length, mails };
  });
}

/** `deedbox approvals run`: the sweep for every org (or one) as of `asOf` (as `reminders run` reads it). */
export async function runApprovals(deps: Deps, opts: { asOf?: string; orgId?: string } = {}) {
  const orgs = await transact(deps, {}, (tx) => allOrgs(tx, opts.orgId));
  const total = { orgs: 0, overdueSteps: 0, mails: 0, errors: 0 };
  for (const org of orgs) {
    try {
      const r = await sweepOrg(deps, org, resolveAsOf(opts.asOf, org.timeZone));
      total.overdueSteps += r.overdueSteps;
      total.mails += r.mails;
    } catch (err) {
      deps.log.error({ err, orgId: org.id }, 'approvals sweep failed for an org');
      total.errors++;
    }
    total.orgs++;
  }
  return total;
}

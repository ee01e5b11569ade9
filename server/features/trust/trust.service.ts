import type { Trust, TrustOrg } from '../../../common/schemas/trust.js';
import { type Ctx, type PublicCtx, transact } from '../../platform/context.js';
import { tlsFacts } from '../../platform/http/tls-policy.js';
import { requireAdmin } from '../access/access.policy.js';
import { verify } from '../audit/audit.service.js';
import { lastBackupRun } from '../backup/backup.runs.repo.js';
import * as subscriptions from '../subscriptions/subscriptions.service.js';
import { lastSecurityScan } from './trust.scan.js';
import { subProcessors } from './trust.sub-processors.js';

/** The cipher of every sealed file, field and wrapped key (server/platform/crypto). */
const AT_REST_ALGORITHM = 'AES-256-GCM';

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/** Backup runs are the operators' table: read, with the claim the backup jobs use, only when the last ones succeeded. */
async function backupEvidence(ctx: PublicCtx) {
  return transact(ctx.deps, { jobs: 'on' }, async (tx) => {
    const backup = await lastBackupRun(tx, 'create', true);
    const drill = await lastBackupRun(tx, 'verify', true);
    return {
      lastBackupAt: iso(backup?.finishedAt ?? backup?.startedAt),
      lastRestoreDrillAt: iso(drill?.finishedAt ?? drill?.startedAt),
    };
  });
}

export async function trustPage(ctx: PublicCtx): Promise<Trust> {
  const { config } = ctx.deps;
  return {
    hosting: config.trust.hosting,
    dataResidency: config.trust.dataResidency,
    subProcessors: subProcessors(config),
    backups: {
      scheduled: config.backup.data !== null,
      intervalHours: config.backup.intervalHours,
      ...(await backupEvidence(ctx)),
    },
    encryption: {
      atRest: true,
      algorithm: AT_REST_ALGORITHM,
      perAccountKeys: true,
      backupsEncrypted: config.backupKeys !== null,
    },
    tls: tlsFacts(config),
    securityScan: await lastSecurityScan(config.trust.scanSummaryFile),
    retention: {
      retentionMonths: config.subscriptions.retentionMonths,
      deletionGraceDays: config.subscriptions.deletionGraceDays,
      backupRetentionDays: config.backupRetentionDays,
    },
  };
}

/** An administrator's own account: whether its activity log's chain holds, and when its data goes. */
export async function trustOrg(ctx: Ctx): Promise<TrustOrg> {
  requireAdmin(ctx);
  const chain = await verify(ctx.tx, ctx.orgId);
  const sub = await subscriptions.get(ctx);
  return {
    activityLog: { intact: chain.intact, checked: chain.checked, firstBrokenSeq: chain.firstBrokenSeq },
    cancelled: sub.status === 'cancelled',
    deletionDate: sub.deletionDate,
    earlyDeletionDueAt: sub.deletionRequest?.dueAt ?? null,
  };
}

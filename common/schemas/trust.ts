import { z } from 'zod';
import { isoDateTime } from './common.js';

/** What a third party does for the deployment; `other`: the configured `purpose` text says it. */
export const SUB_PROCESSOR_ROLES = ['email', 'sms', 'payments', 'storage', 'other'] as const;
export type SubProcessorRole = (typeof SUB_PROCESSOR_ROLES)[number];

export const subProcessor = z.object({
  name: z.string(),
  role: z.enum(SUB_PROCESSOR_ROLES),
  /** The operator's own words (TRUST_SUBPROCESSORS); null for an adapter's entry, which `role` names. */
  purpose: z.string().nullable(),
  location: z.string().nullable(),
  url: z.string().nullable(),
});
export type SubProcessor = z.infer<typeof subProcessor>;

/** The public trust page: configuration and live evidence, nothing secret and nothing of any account. */
export const trustOutput = z.object({
  hosting: z.string().nullable(),
  dataResidency: z.string().nullable(),
  subProcessors: z.array(subProcessor),
  backups: z.object({
    /** Whether this deployment takes scheduled backups (BACKUP_DIR or BACKUP_CONTAINER). */
    scheduled: z.boolean(),
    intervalHours: z.number().int(),
    lastBackupAt: isoDateTime.nullable(),
    lastRestoreDrillAt: isoDateTime.nullable(),
  }),
  encryption: z.object({
    atRest: z.boolean(),
    algorithm: z.string(),
    /** Every account's data has a key of its own, wrapped by the master keys. */
    perAccountKeys: z.boolean(),
    backupsEncrypted: z.boolean(),
  }),
  tls: z.object({
    /**
     * Who serves HTTPS: the app itself (TLS_CERT_FILE), the proxy TRUST_PROXY names (production demands
     * one of the two), or nobody (development and test on plain HTTP).
     */
    terminatedBy: z.enum(['app', 'proxy', 'none']),
    /** Known only when the app terminates TLS: a proxy's minimum is its own setting. */
    minVersion: z.string().nullable(),
    hsts: z.object({ enabled: z.boolean(), maxAgeSeconds: z.number().int(), includeSubDomains: z.boolean() }),
  }),
  securityScan: z.object({
    /** When the last automated scan of this build finished; null: not recorded. */
    lastRunAt: isoDateTime.nullable(),
    findings: z.number().int().nullable(),
  }),
  retention: z.object({
    retentionMonths: z.number().int(),
    deletionGraceDays: z.number().int(),
    backupRetentionDays: z.number().int(),
  }),
});
export type Trust = z.infer<typeof trustOutput>;

/** What an administrator additionally sees about the own account. */
export const trustOrgOutput = z.object({
  activityLog: z.object({
    intact: z.boolean(),
    checked: z.number().int(),
    firstBrokenSeq: z.number().int().nullable(),
  }),
  cancelled: z.boolean(),
  /** When a cancelled account's data is deleted (RETENTION_MONTHS after it turned read-only). */
  deletionDate: isoDateTime.nullable(),
  /** An administrator's earlier deletion request, when one is pending. */
  earlyDeletionDueAt: isoDateTime.nullable(),
});
export type TrustOrg = z.infer<typeof trustOrgOutput>;

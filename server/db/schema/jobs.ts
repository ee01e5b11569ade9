import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { ts } from './columns.js';
import { orgs } from './orgs.js';

export const JOB_RUN_STATUSES = ['running', 'ok', 'failed'] as const;

/**
 * What the background jobs did (server/platform/jobs): one row per run of a global job or sweep
 * of a per-org job (`org_id` null), and one per org whose part failed or recovered (the org's
 * backoff reads them). Not tenant data: only the runner's `app.jobs` claim sees the rows
 * (migration 0021); an org's rows go with the org.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    id: uuid('id').primaryKey(),
    job: text('job').notNull(),
    orgId: uuid('org_id').references(() => orgs.id, { onDelete: 'cascade' }),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    status: text('status', { enum: JOB_RUN_STATUSES }).notNull(),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default(sql`'{}'::jsonb`),
    /** The failure's message, secrets and query parameters left out, at most 1,000 characters. */
    error: text('error'),
    /** 1, or one more than the failed attempt before it. */
    attempt: integer('attempt').notNull().default(1),
  },
  (t) => [index('job_runs_job_idx').on(t.job, t.orgId, t.startedAt)],
);

export const BACKUP_RUN_KINDS = ['create', 'verify'] as const;

/**
 * Scheduled backups and restore drills (server/features/backup): one row per run, for the
 * operators and the trust page ("last successful backup", "last restore drill"). Not tenant data:
 * like job_runs, only the `app.jobs` claim sees the rows (migration 0034).
 */
export const backupRuns = pgTable(
  'backup_runs',
  {
    id: uuid('id').primaryKey(),
    kind: text('kind', { enum: BACKUP_RUN_KINDS }).notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    /** Where the backup is: a file path, or `storage:NAME` in the configured blob store. */
    location: text('location'),
    size: bigint('size', { mode: 'number' }),
    sha256: text('sha256'),
    /** Null while running. */
    ok: boolean('ok'),
    /** The failure's message, at most 1,000 characters. */
    error: text('error'),
  },
  (t) => [index('backup_runs_kind_idx').on(t.kind, t.startedAt)],
);

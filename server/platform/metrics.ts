import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { Database } from '../db/client.js';
import { backupRuns } from '../db/schema/index.js';
import { withClaims } from '../db/tx.js';

/** What the job runner reports of each run (server/platform/jobs). */
export interface JobMetrics {
  observe(job: string, status: 'ok' | 'failed', seconds: number): void;
}

/** Runs by job and outcome, and how long they took (a per-org job's runs are its orgs' parts). */
export function jobMetrics(registry: Registry): JobMetrics {
  const runs = new Counter({
    name: 'deedbox_job_runs_total',
    help: 'Background job runs by job and status',
    labelNames: ['job', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'deedbox_job_run_duration_seconds',
    help: 'Background job run duration by job',
    labelNames: ['job'] as const,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60, 300, 1800],
    registers: [registry],
  });
  return {
    observe(job, status, seconds) {
      runs.inc({ job, status });
      duration.observe({ job }, seconds);
    },
  };
}

/** A registry per app instance, so tests can run several apps in one process. */
export function createMetrics(database: Database) {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'deedbox_' });
  const requests = new Counter({
    name: 'deedbox_http_requests_total',
    help: 'HTTP requests by route and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'deedbox_http_request_duration_seconds',
    help: 'HTTP request latency by route',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new Gauge({
    name: 'deedbox_db_pool_connections',
    help: 'Database pool connections by state',
    labelNames: ['state'] as const,
    registers: [registry],
    collect() {
      const s = database.poolStats();
      this.set({ state: 'total' }, s.total);
      this.set({ state: 'idle' }, s.idle);
      this.set({ state: 'waiting' }, s.waiting);
    },
  });

  // Backups (server/features/backup): alert on age (now - last success) and on a last run that failed.
  const lastBackups = () =>
    withClaims(database.db, { jobs: 'on' }, (tx) =>
      tx
        .select({
          kind: backupRuns.kind,
          lastOk: sql<Date | null>`max(${backupRuns.startedAt}) filter (where ${backupRuns.ok})`,
          lastFailed: sql<boolean>`(array_agg(${backupRuns.ok} = false order by ${backupRuns.startedAt} desc))[1]`,
        })
        .from(backupRuns)
        .groupBy(backupRuns.kind),
    ).catch(() => []);
  new Gauge({
    name: 'deedbox_backup_last_success_timestamp_seconds',
    help: 'When the last successful scheduled backup (kind=create) or restore drill (kind=verify) started',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      for (const row of await lastBackups()) {
        if (row.lastOk) this.set({ kind: row.kind }, new Date(row.lastOk).getTime() / 1000);
      }
    },
  });
  new Gauge({
    name: 'deedbox_backup_last_run_failed',
    help: '1 when the last scheduled backup (kind=create) or restore drill (kind=verify) failed',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      for (const row of await lastBackups()) this.set({ kind: row.kind }, row.lastFailed ? 1 : 0);
    },
  });

  function instrument(app: FastifyInstance) {
    app.addHook('onResponse', async (req, reply) => {
      const route = req.routeOptions.url ?? 'unmatched';
      requests.inc({ method: req.method, route, status: String(reply.statusCode) });
      duration.observe({ method: req.method, route }, reply.elapsedTime / 1000);
    });
  }
  return { registry, instrument, jobs: jobMetrics(registry) };
}

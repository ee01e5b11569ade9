import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { shippedMigrations } from '../../db/client.js';
import { safeEqual } from '../crypto/tokens.js';
import { sendProblem } from './problem.js';

const LOOPBACK = /^(127\.|::1$|::ffff:127\.)/;

/**
 * Health for load balancers; metrics for Prometheus, behind a token. Without METRICS_TOKEN only
 * loopback may read them, and in production not even that (behind a same-host proxy loopback is everyone).
 */
export function opsRoutes(app: FastifyInstance, registry: Registry) {
  const { config, database } = app.deps;
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));

  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      const [applied, shipped] = await Promise.all([database.appliedMigrations(), shippedMigrations()]);
      if (applied === null || applied < shipped) {
        return reply.code(503).send({ status: 'migrations pending', applied: applied ?? 0, shipped });
      }
      return { status: 'ready', database: database.kind, migrations: applied };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });

  app.get('/metrics', { schema: { hide: true } }, async (req, reply) => {
    const auth = req.headers.authorization ?? '';
    const allowed = config.metricsToken
      ? safeEqual(auth, `Bearer ${config.metricsToken}`)
      : config.env !== 'production' && LOOPBACK.test(req.ip);
    if (!allowed) return sendProblem(reply, 'not_found', 'No route GET /metrics.');
    return reply.type(registry.contentType).send(await registry.metrics());
  });
}

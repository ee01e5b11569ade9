import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicCtx } from '../../platform/http/route-kit.js';
import { fetchFeed } from './ical.service.js';

const FILE = /^([^/]+)\.ics$/;

/**
 * GET /ical/{token}.ics, outside /api/v1: calendar clients send no session or key, the token
 * in the address is the credential. A wildcard, so every wrong address under /ical/ (even one
 * too long for a route parameter) gets the same 404 as an unknown or revoked token.
 */
export function icalRoutes(app: FastifyInstance) {
  app.get<{ Params: { '*': string } }>(
    '/ical/*',
    {
      config: { public: true },
      // Outside the API document, which lists /api/v1 only; the feed's address comes from /api/v1/calendar/feeds.
      schema: { hide: true, params: z.object({ '*': z.string() }) },
    },
    async (req, reply) => {
      const token = FILE.exec(req.params['*'])?.[1] ?? '';
      const body = await fetchFeed(publicCtx(req), token);
      return reply.header('cache-control', 'private, no-store').type('text/calendar; charset=utf-8').send(body);
    },
  );
}

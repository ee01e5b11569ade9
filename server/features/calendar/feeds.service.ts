import { randomUUID } from 'node:crypto';
import { type CalendarFeed, MAX_CALENDAR_FEEDS } from '../../../common/schemas/reminders.js';
import type { Ctx } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { record } from '../audit/audit.service.js';
import * as repo from './feeds.repo.js';
import { feedToken } from './feeds.token.js';

export function feedUrl(ctx: Pick<Ctx, 'deps'>, feedId: string): string {
  const { appUrl, secretKey } = ctx.deps.config;
  return `${appUrl}/ical/${feedToken(secretKey, feedId)}.ics`;
}

function present(ctx: Ctx, row: repo.FeedRow): CalendarFeed {
  return {
    id: row.id,
    name: row.name,
    url: feedUrl(ctx, row.id),
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** Feeds belong to a person: an API key has no calendar of its own. */
function requireUser(ctx: Ctx): string {
  if (ctx.actor.type !== 'user') throw AppError.forbidden('Calendar feeds belong to a user; sign in to manage them.');
  return ctx.actor.id;
}

export async function list(ctx: Ctx): Promise<CalendarFeed[]> {
  const userId = requireUser(ctx);
  const rows = await repo.listActive(ctx.tx, ctx.orgId, userId);
  return rows.map((row) => present(ctx, row));
}

export async function create(ctx: Ctx, input: { name: string }): Promise<CalendarFeed> {
  const userId = requireUser(ctx);
  if ((await repo.countActive(ctx.tx, ctx.orgId, userId)) >= MAX_CALENDAR_FEEDS) {
    throw AppError.invalid('feeds', 'max_feeds', `are limited to ${MAX_CALENDAR_FEEDS} per user; revoke one first`);
  }
  const id = randomUUID();
  const row = await repo.insert(ctx.tx, {
    orgId: ctx.orgId,
    id,
    userId,
    name: input.name,
    tokenHash: hashToken(feedToken(ctx.deps.config.secretKey, id)),
  });
  await record(ctx, {
    action: 'calendar_feed.created',
    objectType: 'calendar_feed',
    objectId: id,
    changes: { name: { before: null, after: input.name } },
  });
  return present(ctx, row);
}

export async function revoke(ctx: Ctx, id: string): Promise<void> {
  const userId = requireUser(ctx);
  const row = await repo.revoke(ctx.tx, ctx.orgId, userId, id);
  // Someone else's feed, a revoked one and an unknown id all read the same.
  if (!row) throw AppError.notFound('Calendar feed');
  await record(ctx, {
    action: 'calendar_feed.revoked',
    objectType: 'calendar_feed',
    objectId: id,
    extra: { name: row.name },
  });
}

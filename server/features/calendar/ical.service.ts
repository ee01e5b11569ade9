import type { LOCALES } from '../../../common/schemas/auth.js';
import type { EventType } from '../../../common/schemas/reminders.js';
import { addDays } from '../../../common/terms/dates.js';
import { addMonths } from '../../../common/terms/periods.js';
import { type Ctx, type PublicCtx, transact } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import { readableUnits } from '../access/access.policy.js';
import { record } from '../audit/audit.service.js';
import { memberActor } from '../auth/principal.js';
import { orgToday } from '../contracts/contracts.access.js';
import * as events from '../events/events.repo.js';
import * as repo from './feeds.repo.js';
import { feedIdOf } from './feeds.token.js';
import { type IcalEvent, writeCalendar } from './ical.js';

const REFRESH = 'PT4H';
/** A feed this long is already more than calendar clients handle comfortably. */
const MAX_EVENTS = 5000;
const FETCH_AUDIT_GAP_MS = 60 * 60 * 1000;

type Locale = (typeof LOCALES)[number];

const LABELS: Record<Locale, Record<EventType | 'contract' | 'partner', string>> = {
  en: {
    start: 'Start',
    end: 'End',
    notice_deadline: 'Notice deadline',
    renewal: 'Renewal',
    custom: 'Event',
    contract: 'Contract',
    partner: 'Partner',
  },
  de: {
    start: 'Beginn',
    end: 'Ende',
    notice_deadline: 'Letzter Kündigungstag',
    renewal: 'Verlängerung',
    custom: 'Termin',
    contract: 'Vertrag',
    partner: 'Partner',
  },
};

/** Unknown, revoked, altered: one answer, so a guess learns nothing. */
const noFeed = () => new AppError('not_found', 'There is no calendar feed at this address.');

function toIcal(event: events.EventRow, locale: Locale, appUrl: string): IcalEvent {
  const labels = LABELS[locale];
  const url = `${appUrl}/contracts/${event.contractId}`;
  const name = event.type === 'custom' ? (event.title ?? labels.custom) : labels[event.type];
  const contract = event.contractNumber ? `${event.contractTitle} (${event.contractNumber})` : event.contractTitle;
  const description = [
    `${labels.contract}: ${contract}`,
    event.partnerName ? `${labels.partner}: ${event.partnerName}` : null,
    event.description,
    url,
  ].filter((line): line is string => Boolean(line));
  return {
    uid: `${event.id}@deedbox`,
    date: event.date!,
    summary: `${name} — ${event.contractTitle}`,
    description: description.join('\n'),
    url,
    categories: [labels[event.type]],
  };
}

/**
 * The feed behind a token, as its user may see it now: membership and business-unit roles are
 * read again on every fetch, so a locked or removed member's feed stops answering.
 */
export async function fetchFeed({ deps, request }: PublicCtx, token: string): Promise<string> {
  const feedId = feedIdOf(deps.config.secretKey, token);
  if (!feedId) throw noFeed();
  const tokenHash = hashToken(token);
  return transact(deps, { tokenHash }, async (tx, afterCommit) => {
    const feed = await repo.claimLiveByHash(tx, tokenHash);
    if (!feed || feed.id !== feedId) throw noFeed();
    const member = await memberActor(tx, feed.orgId, feed.userId);
    if (!member) throw noFeed();
    const ctx: Ctx = {
      orgId: feed.orgId,
      actor: member.actor,
      tx,
      request,
      deps,
      afterCommit,
    };
    const today = await orgToday(ctx);
    const listed = await feedEvents(ctx, today);
    const now = new Date();
    await noteFetch(ctx, feed, now, listed.length);
    return writeCalendar({
      prodId: '-//Deedbox//Deedbox Calendar//EN',
      name: feed.name,
      refresh: REFRESH,
      stamp: now,
      events: listed.map((event) => toIcal(event, member.locale, deps.config.appUrl)),
    });
  });
}

/** A year back to two years ahead; over the cap, what lies ahead comes first. */
async function feedEvents(ctx: Ctx, today: string): Promise<events.EventRow[]> {
  const units = readableUnits(ctx.actor);
  const ahead = await events.listInRange(
    ctx.tx,
    ctx.orgId,
    { from: today, to: addMonths(today, 24), units },
    MAX_EVENTS,
  );
  const room = MAX_EVENTS - ahead.length;
  if (room === 0) return ahead;
  const past = { from: addMonths(today, -12), to: addDays(today, -1), units };
  return [...(await events.listInRange(ctx.tx, ctx.orgId, past, room)), ...ahead];
}

/** Last use on every fetch; the activity log gets one entry per feed and hour, enough to see who reads. */
async function noteFetch(ctx: Ctx, feed: repo.FeedRow, now: Date, count: number): Promise<void> {
  await repo.markUsed(ctx.tx, feed.orgId, feed.id, now);
  if (await repo.fetchedSince(ctx.tx, feed.orgId, feed.id, new Date(now.getTime() - FETCH_AUDIT_GAP_MS))) return;
  await record(ctx, {
    action: 'calendar_feed.fetched',
    objectType: 'calendar_feed',
    objectId: feed.id,
    extra: { name: feed.name, events: count },
  });
}

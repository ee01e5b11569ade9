import { deletionDate, isReadOnly, seatLimit } from '../../../common/subscriptions.js';
import type { Config } from '../../config.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../platform/errors.js';
import * as repo from './subscriptions.repo.js';

const day = (d: Date) => d.toISOString().slice(0, 10);

/** The refusal every write of a read-only organization gets: since when, and until when its data is kept. */
export function readOnlyError(row: Pick<repo.SubscriptionRow, 'accessUntil'>, config: Config): AppError {
  const since = row.accessUntil!;
  const until = deletionDate(since, config.subscriptions.retentionMonths);
  return AppError.because(
    'account_read_only',
    'cancelled',
    `This account's subscription was cancelled: it is read-only since ${day(since)}; its data is kept until ${day(until)}. An administrator can reactivate it.`,
    { since: day(since), until: day(until) },
  );
}

/** Whether the organization is read-only now (claims of the org set). */
export async function isReadOnlyNow(tx: Tx, orgId: string, now = new Date()): Promise<boolean> {
  return isReadOnly(await repo.find(tx, orgId), now);
}

/** Throws account_read_only when the organization's subscription has turned read-only (claims of the org set). */
export async function assertWritable(tx: Tx, config: Config, orgId: string, now = new Date()): Promise<void> {
  const row = await repo.find(tx, orgId);
  if (row && isReadOnly(row, now)) throw readOnlyError(row, config);
}

/**
 * Refuses a new member when every seat of the plan is taken. The subscription row is locked, so two
 * invitations at once cannot both take the last seat.
 */
export async function assertSeatFree(tx: Tx, orgId: string): Promise<void> {
  const seats = await seatsOf(tx, orgId);
  if (seats.limit !== null && seats.used >= seats.limit) {
    throw AppError.because(
      'seat_limit_reached',
      'seats_taken',
      `All ${seats.limit} seats of the ${seats.plan} plan are taken (members and open invitations). Remove someone or change the plan first.`,
      { used: seats.used, limit: seats.limit, plan: seats.plan ?? '' },
    );
  }
}

/** Whether one more member fits (single sign-on's just-in-time membership asks before it adds one). */
export async function seatFree(tx: Tx, orgId: string): Promise<boolean> {
  const seats = await seatsOf(tx, orgId);
  return seats.limit === null || seats.used < seats.limit;
}

async function seatsOf(tx: Tx, orgId: string) {
  const row = await repo.lock(tx, orgId);
  const limit = row ? seatLimit(row.plan) : null;
  return { plan: row?.plan ?? null, limit, used: limit === null ? 0 : await repo.seatsUsed(tx, orgId) };
}

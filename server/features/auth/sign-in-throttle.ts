import type { Tx } from '../../db/client.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { AppError } from '../../platform/errors.js';
import * as throttles from './throttles.repo.js';

/**
 * Failed sign-ins slow down further tries instead of locking the account: a lockout would let
 * anyone who knows an address lock its owner out. Counters are kept per (account, source address)
 * and per source address, so an attacker's failures never block the owner signing in from elsewhere,
 * and they count alike whether or not the address belongs to anyone.
 */
export const FREE_PER_ACCOUNT = 5;
export const FREE_PER_ADDRESS = 50;
const FIRST_DELAY_S = 15;
const MAX_DELAY_S = 15 * 60;
/** A quiet hour forgets the failures; longer than the longest delay, so waiting it out never resets them. */
const FORGET_MS = 3600 * 1000;
const WHOLE_ADDRESS = '';

export interface Throttle {
  ip: string;
  accountKey: string;
}

export function throttleFor(ip: string | null, email: string): Throttle {
  return { ip: ip ?? 'unknown', accountKey: hashToken(email.trim().toLowerCase()) };
}

/** Seconds to wait after `failures` failures when `free` are allowed: doubling from 15 s up to 15 min. */
export function delaySeconds(failures: number, free: number): number | null {
  return failures < free ? null : Math.min(FIRST_DELAY_S * 2 ** (failures - free), MAX_DELAY_S);
}

/** Seconds until this caller may try this account again, or null when it may now (needs the `ip` claim). */
export async function retryAfter(tx: Tx, t: Throttle, now: Date): Promise<number | null> {
  const until = await throttles.blockedUntil(tx, t.ip, [t.accountKey, WHOLE_ADDRESS], now);
  return until ? Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000)) : null;
}

/** Counts a failure on both counters and blocks as they demand; says whether this one started the throttling. */
export async function recordFailure(tx: Tx, t: Throttle, now: Date): Promise<{ failures: number; started: boolean }> {
  const forgetBefore = new Date(now.getTime() - FORGET_MS);
  const failures = await throttles.countFailure(tx, t.ip, t.accountKey, now, forgetBefore);
  const fromAddress = await throttles.countFailure(tx, t.ip, WHOLE_ADDRESS, now, forgetBefore);
  const forAccount = delaySeconds(failures, FREE_PER_ACCOUNT);
  if (forAccount) await throttles.block(tx, t.ip, t.accountKey, new Date(now.getTime() + forAccount * 1000));
  const forAddress = delaySeconds(fromAddress, FREE_PER_ADDRESS);
  if (forAddress) await throttles.block(tx, t.ip, WHOLE_ADDRESS, new Date(now.getTime() + forAddress * 1000));
  return { failures, started: failures === FREE_PER_ACCOUNT };
}

/** The right password from this address clears its count for the account (not the address's own). */
export function recordSuccess(tx: Tx, t: Throttle): Promise<void> {
  return throttles.forget(tx, t.ip, t.accountKey);
}

export function throttledError(seconds: number): AppError {
  return AppError.because(
    'rate_limited',
    'sign_in_throttled',
    `Too many failed sign-ins. Try again in ${seconds} seconds.`,
    { seconds },
  );
}

import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../platform/context.js';
import { transact } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { claimLiveKeyByHash } from './api-keys.repo.js';
import { API_KEY_PREFIX } from './api-keys.service.js';

/** A key's limit is read at most once a minute per instance; a changed or revoked key is seen within that. */
const CACHE_MS = 60_000;

/** What the rate limiter counts a request against: the API key it presents (by its public prefix), else its address. */
export function rateLimitKey(req: FastifyRequest): string {
  const header = req.headers.authorization;
  if (header?.startsWith(`Bearer ${API_KEY_PREFIX}`)) {
    const token = header.slice(7).trim();
    // The prefix names the key without a database read; a forged prefix only spends that key's allowance
    // if it also guesses the secret, which the request's own check refuses.
    return `key:${token.slice(0, token.indexOf('_', API_KEY_PREFIX.length))}`;
  }
  return `ip:${req.ip}`;
}

/** Requests a minute for the request's counter: the key's own limit, the deployment's key default, or 600 per address. */
export function rateLimitMax(deps: Deps) {
  const cache = new Map<string, { max: number; until: number }>();
  return async (req: FastifyRequest, key: string): Promise<number> => {
    if (!key.startsWith('key:')) return 600;
    const now = Date.now();
    const cached = cache.get(key);
    if (cached && cached.until > now) return cached.max;
    const token = req.headers.authorization!.slice(7).trim();
    const row = await transact(deps, { tokenHash: hashToken(token) }, (tx) => claimLiveKeyByHash(tx, hashToken(token)));
    const max = row?.rateLimitPerMinute ?? deps.config.apiKeyRateLimit;
    // Only a real key's limit is remembered: a wrong secret must not set the limit for the prefix.
    if (row) cache.set(key, { max, until: now + CACHE_MS });
    return max;
  };
}

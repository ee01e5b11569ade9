import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Ctx } from '../../platform/context.js';
import { transact } from '../../platform/context.js';
import { hashToken } from '../../platform/crypto/tokens.js';
import { requestMeta } from '../../platform/http/route-kit.js';
import { assertWritable } from '../subscriptions/read-only.js';
import { MAX_RESULTS } from './scim.discovery.js';
import { ScimError, scimErrorBody } from './scim.errors.js';
import * as tokens from './scim-tokens.repo.js';
import type { Page } from './scim-users.service.js';

export const SCIM_TOKEN_PREFIX = 'dbxscim_';
const TOKEN = /^dbxscim_[A-Za-z0-9_-]{43}$/;
export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8';

const unauthorized = () => new ScimError(401, 'Send the provisioning token as "Authorization: Bearer <token>".');

/**
 * Runs a SCIM request in one transaction as the actor "SCIM" of the org whose live token was
 * presented: the change and its activity-log entries commit together or not at all.
 */
export function inScim<T>(req: FastifyRequest, fn: (ctx: Ctx) => Promise<T>): Promise<T> {
  const header = req.headers.authorization;
  const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : '';
  if (!TOKEN.test(token)) return Promise.reject(unauthorized());
  const tokenHash = hashToken(token);
  const { deps } = req.server;
  return transact(deps, { tokenHash }, async (tx, afterCommit) => {
    const row = await tokens.claimLiveByHash(tx, tokenHash);
    if (!row) throw unauthorized();
    const now = new Date();
    // Last-used time is written at most once a minute, as for API keys.
    if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
      await tokens.markUsed(tx, row.orgId, row.id, now);
    }
    // Provisioning changes the account: a read-only (cancelled) one refuses it, reads still answer.
    if (req.method !== 'GET') await assertWritable(tx, deps.config, row.orgId);
    const request = { ...requestMeta(req), via: 'scim' as const };
    return fn({ orgId: row.orgId, actor: { type: 'system', name: 'SCIM' }, tx, request, deps, afterCommit });
  });
}

export function sendScim(reply: FastifyReply, status: number, body: unknown) {
  return reply.code(status).type(SCIM_CONTENT_TYPE).send(body);
}

export function sendScimError(reply: FastifyReply, err: ScimError) {
  if (err.status === 401) reply.header('www-authenticate', 'Bearer realm="SCIM"');
  return sendScim(reply, err.status, scimErrorBody(err));
}

function intOf(value: unknown, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !/^-?\d{1,9}$/.test(value)) {
    throw ScimError.bad('invalidValue', `${name} must be an integer.`);
  }
  return Number(value);
}

/** startIndex (1-based; less than 1 counts as 1) and count (at most MAX_RESULTS), RFC 7644 §3.4.2.4. */
export function pageOf(query: Record<string, unknown>): Page {
  const startIndex = Math.max(1, intOf(query.startIndex, 'startIndex') ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, intOf(query.count, 'count') ?? 100));
  const filter = query.filter;
  if (filter !== undefined && typeof filter !== 'string') throw ScimError.bad('invalidFilter', 'Send one filter.');
  return { startIndex, count, ...(filter ? { filter } : {}) };
}

/** Whether `excludedAttributes` leaves out the members (Entra ID asks so when it looks a group up). */
export function wantsMembers(query: Record<string, unknown>): boolean {
  const excluded = typeof query.excludedAttributes === 'string' ? query.excludedAttributes : '';
  return !excluded.split(',').some((a) => a.trim().toLowerCase() === 'members');
}

export function ifMatchOf(req: FastifyRequest): string | undefined {
  const value = req.headers['if-match'];
  return typeof value === 'string' ? value.trim() : undefined;
}

/** The request body as JSON, parsed only once the token is confirmed; `__proto__` and `constructor` keys are dropped. */
export function jsonOf(body: unknown): unknown {
  if (typeof body !== 'string' || body.trim() === '') throw ScimError.bad('invalidSyntax', 'The body must be JSON.');
  try {
    return JSON.parse(body, (key, value) => (key === '__proto__' || key === 'constructor' ? undefined : value));
  } catch {
    throw ScimError.bad('invalidSyntax', 'The body is not valid JSON.');
  }
}

import { randomUUID } from 'node:crypto';
import type { AuditAction } from '../../../common/schemas/audit.js';
import type { Tx } from '../../db/client.js';
import type { Actor, Ctx, RequestMeta } from '../../platform/context.js';
import { type ChainCheck, ChainVerifier, commitPersonal, eventHash, newSalt } from './audit.chain.js';
import * as repo from './audit.repo.js';

export type Changes = Record<string, { before: unknown; after: unknown }>;

export interface AuditInput {
  action: AuditAction;
  objectType: string;
  objectId?: string | null;
  /** Before/after of non-personal fields; these enter the chain. */
  changes?: Changes;
  /** Before/after of personal fields (names, e-mails); kept apart so they can be erased. */
  personalChanges?: Changes;
  /** The person the event is about, when not the actor (invitee, locked user). */
  subject?: { id: string; name?: string | null; email?: string | null };
  extra?: Record<string, unknown>;
}

export interface AuditWriter {
  tx: Tx;
  orgId: string;
  actor: Actor | { type: 'anonymous'; email?: string };
  request: RequestMeta;
}

function actorFacts(actor: AuditWriter['actor']) {
  switch (actor.type) {
    case 'user':
      return { actorType: 'user' as const, actorId: actor.id, name: actor.name, email: actor.email };
    case 'api_key':
      return { actorType: 'api_key' as const, actorId: actor.id, name: actor.name, email: null };
    case 'system':
      return { actorType: 'system' as const, actorId: null, name: actor.name, email: null };
    case 'anonymous':
      return { actorType: 'anonymous' as const, actorId: null, name: null, email: actor.email ?? null };
  }
}

/** Appends one event to the org's chain, inside the caller's transaction. */
export async function recordWith(w: AuditWriter, input: AuditInput): Promise<void> {
  const actor = actorFacts(w.actor);
  const head = await repo.lockHead(w.tx, w.orgId);
  const occurredAt = new Date();
  const salt = newSalt();
  const content = {
    actorName: actor.name,
    actorEmail: actor.email,
    ip: w.request.ip,
    userAgent: w.request.userAgent,
    subjectName: input.subject?.name ?? null,
    subjectEmail: input.subject?.email ?? null,
    changes: input.personalChanges ?? {},
  };
  const chained = {
    orgId: w.orgId,
    seq: head.seq + 1,
    id: randomUUID(),
    occurredAt: occurredAt.toISOString(),
    actorType: actor.actorType,
    actorId: actor.actorId,
    subjectId: input.subject?.id ?? null,
    action: input.action,
    objectType: input.objectType,
    objectId: input.objectId ?? null,
    data: { changes: input.changes ?? {}, requestId: w.request.id, via: w.request.via, ...input.extra },
    personalCommitment: commitPersonal(salt, content),
  };
  const hash = eventHash(head.hash, chained);
  await repo.append(w.tx, { ...chained, occurredAt, prevHash: head.hash, hash }, { salt, content });
}

export function record(ctx: Ctx, input: AuditInput): Promise<void> {
  return recordWith(ctx, input);
}

/** Re-computes every link of the org's chain, a page at a time. */
export async function verify(tx: Tx, orgId: string): Promise<ChainCheck> {
  const verifier = new ChainVerifier();
  let after = 0;
  for (;;) {
    const batch = await repo.listAscending(tx, orgId, after, 1000);
    for (const event of batch) if (!verifier.push(event)) return verifier.finish(null);
    if (batch.length < 1000) break;
    after = batch.at(-1)!.seq;
  }
  return verifier.finish(await repo.findHead(tx, orgId));
}

/** Only what differs, as { field: { before, after } }. */
export function diff<T extends Record<string, unknown>>(before: T, after: Partial<T>): Changes {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(after)) {
    if (value !== undefined && JSON.stringify(before[key]) !== JSON.stringify(value)) {
      changes[key] = { before: before[key] ?? null, after: value };
    }
  }
  return changes;
}

import { createHash, randomBytes } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so equal content always hashes equally. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

/** A salted commitment: proves the personal data later without putting it in the chain. */
export function commitPersonal(salt: string, content: Record<string, unknown>): string {
  return sha256(`${salt}\n${canonicalJson(content)}`);
}

/** The fields the chain covers: pseudonymous ids and a commitment, never names or addresses. */
export interface ChainedEvent {
  orgId: string;
  seq: number;
  id: string;
  occurredAt: string;
  actorType: 'user' | 'api_key' | 'system' | 'anonymous';
  actorId: string | null;
  subjectId: string | null;
  action: string;
  objectType: string;
  objectId: string | null;
  data: Record<string, unknown>;
  personalCommitment: string;
}

export function eventHash(prevHash: string, event: ChainedEvent): string {
  return sha256(`${prevHash}\n${canonicalJson(event)}`);
}

export interface StoredEvent extends ChainedEvent {
  prevHash: string;
  hash: string;
  personal: { salt: string; content: Record<string, unknown> } | null;
}

export interface ChainCheck {
  intact: boolean;
  checked: number;
  firstBrokenSeq: number | null;
  reason: string | null;
  headHash: string | null;
}

/** Walks events in seq order; stateful so huge logs can be verified page by page. */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: { seq: number; reason: string } | null = null;

  push(event: StoredEvent): boolean {
    if (this.broken) return false;
    const fail = (reason: string) => {
      this.broken = { seq: event.seq, reason };
      return false;
    };
    if (event.seq !== this.expectedSeq) return fail(`expected entry ${this.expectedSeq}, found ${event.seq}`);
    if (event.prevHash !== this.prevHash) return fail('link to the previous entry does not match');
    const { prevHash, hash, personal, ...chained } = event;
    if (eventHash(prevHash, chained) !== hash) return fail('content does not match its hash');
    if (personal && commitPersonal(personal.salt, personal.content) !== event.personalCommitment) {
      return fail('personal data does not match its commitment');
    }
    this.prevHash = hash;
    this.expectedSeq++;
    this.checked++;
    return true;
  }

  finish(head: { seq: number; hash: string } | null): ChainCheck {
    if (!this.broken && head && (head.seq !== this.expectedSeq - 1 || head.hash !== this.prevHash)) {
      this.broken = {
        seq: this.expectedSeq,
        reason: `the log ends at entry ${this.expectedSeq - 1}, the head says ${head.seq}`,
      };
    }
    return {
      intact: this.broken === null,
      checked: this.checked,
      firstBrokenSeq: this.broken?.seq ?? null,
      reason: this.broken?.reason ?? null,
      headHash: this.checked > 0 ? this.prevHash : null,
    };
  }
}

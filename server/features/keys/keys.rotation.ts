import { randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import { type Actor, type Ctx, type Deps, type RequestMeta, runInOrg, transact } from '../../platform/context.js';
import type { VersionedKey } from '../../platform/crypto/keyring.js';
import { allOrgs } from '../../platform/jobs/orgs.repo.js';
import type { KeyedTable } from '../../platform/keys/keyed-tables.js';
import { addOrgKey, orgKey, rewrapDataKey, rewrapOrgKey } from '../../platform/keys/org-keys.js';
import { record } from '../audit/audit.service.js';
import { resealUserSecrets } from '../factors/user-secrets.rotation.js';
import * as repo from './keys.repo.js';
import { masterKeyProblems } from './keys.status.js';
import { KEYED_TABLES } from './keys.tables.js';

/**
 * Key rotation while the app serves traffic (docs/security.md, "Key rotation"). Nothing is re-encrypted:
 * a master rotation rewraps org keys, an org key rotation rewraps data keys, each in small transactions,
 * so a run stopped anywhere is finished by running it again.
 */
const KEYS: Actor = { type: 'system', name: 'deedbox keys' };
const keysRequest = (): RequestMeta => ({ id: randomUUID(), ip: null, userAgent: 'deedbox-keys', via: 'cli' });
const BATCH = 500;
/** How long destroying retired keys waits for transactions that may still hold a row read before its rewrap. */
const DRAIN_MS = 60_000;
const DRAIN_POLL_MS = 100;

/** A rotation that cannot go on as things are; the message says what to do. */
export class KeyRotationError extends Error {
  override readonly name = 'KeyRotationError';
}

export type RotationProgress =
  | { step: 'start'; orgId: string; orgKeyVersion: number; resumed: boolean }
  | { step: 'master'; orgId: string; orgKeys: number; done: number; total: number }
  | { step: 'rewrap'; orgId: string; table: string; rows: number }
  | { step: 'drain'; orgId: string; open: number };

export interface RotationOptions {
  /** Called after each committed step; a throw stops the run there (as a crash would). */
  onProgress?: (progress: RotationProgress) => void;
}

const inOrg = <T>(deps: Deps, orgId: string, fn: (ctx: Ctx) => Promise<T>) =>
  runInOrg(deps, { orgId, actor: KEYS }, keysRequest(), fn);

export interface MasterRotation {
  masterVersion: number;
  orgs: number;
  /** Orgs that had keys under another master version, and how many keys were rewrapped. */
  rotatedOrgs: number;
  orgKeys: number;
  /** People's second-factor secrets resealed under the active master key version. */
  userSecrets: number;
}

/** Rewraps every org key not under the active master key version, one org per transaction. */
export async function rotateMaster(
  deps: Deps,
  opts: RotationOptions & { orgId?: string } = {},
): Promise<MasterRotation> {
  const keyring = deps.config.masterKeys;
  const problems = await masterKeyProblems(deps.database, keyring);
  if (problems.length > 0) throw new KeyRotationError(problems.join('\n'));
  const orgs = await transact(deps, {}, (tx) => allOrgs(tx, opts.orgId));
  const result: MasterRotation = {
    masterVersion: keyring.activeVersion,
    orgs: orgs.length,
    rotatedOrgs: 0,
    orgKeys: 0,
    userSecrets: 0,
  };
  for (const [index, { id: orgId }] of orgs.entries()) {
    const rewrapped = await inOrg(deps, orgId, async (ctx) => {
      const done: { version: number; masterVersion: number }[] = [];
      for (const key of await repo.keysUnderOtherMaster(ctx.tx, orgId, keyring.activeVersion)) {
        if (await rewrapOrgKey(ctx.tx, keyring, orgId, key.version)) done.push(key);
      }
      if (done.length > 0) {
        await record(ctx, {
          action: 'keys.master_rotated',
          objectType: 'org',
          objectId: orgId,
          changes: {
            masterVersion: { before: [...new Set(done.map((k) => k.masterVersion))], after: keyring.activeVersion },
          },
          extra: { orgKeyVersions: done.map((k) => k.version) },
        });
      }
      return done.length;
    });
    if (rewrapped > 0) {
      result.rotatedOrgs++;
      result.orgKeys += rewrapped;
    }
    opts.onProgress?.({ step: 'master', orgId, orgKeys: rewrapped, done: index + 1, total: orgs.length });
  }
  // People's secrets belong to no org: a run for one org leaves them for the full run.
  if (!opts.orgId) result.userSecrets = await resealUserSecrets(deps);
  return result;
}

export interface OrgRotation {
  orgId: string;
  /** The org key version active now; null when the org has no key yet (nothing sealed, nothing to rotate). */
  orgKeyVersion: number | null;
  /** True when this run finished an interrupted rotation instead of making another key. */
  resumed: boolean;
  /** The versions this rotation moved rows away from, now retired. */
  retired: number[];
  rewrapped: number;
  destroyed: number[];
  /** Retired versions left in the key store (data backups from before the rotation need them). */
  kept: number[];
}

/**
 * Makes a new org key and rewraps every data key under it. While an earlier rotation of the org is
 * unfinished (a key is still `retiring`), it finishes that one instead of making another key.
 * With destroyRetired, retired versions no row uses are then destroyed (see destroyRetired).
 */
export async function rotateOrg(
  deps: Deps,
  orgId: string,
  opts: RotationOptions & { destroyRetired?: boolean; batchSize?: number; drainMs?: number } = {},
): Promise<OrgRotation> {
  const start = await inOrg(deps, orgId, (ctx) => startRotation(ctx));
  if (!start) return { orgId, orgKeyVersion: null, resumed: false, retired: [], rewrapped: 0, destroyed: [], kept: [] };
  opts.onProgress?.({ step: 'start', orgId, orgKeyVersion: start.active, resumed: start.resumed });
  const rewrapped = await rewrapAll(deps, orgId, start.active, opts.batchSize ?? BATCH, opts);
  const retired = await inOrg(deps, orgId, (ctx) => finishRotation(ctx, start.active, rewrapped));
  const after = opts.destroyRetired ? await destroyRetired(deps, orgId, opts) : await retiredVersions(deps, orgId);
  return { orgId, orgKeyVersion: start.active, resumed: start.resumed, retired, rewrapped, ...after };
}

/** Under the org's key lock: resume a rotation in progress, or add the next version active and retire the others. */
async function startRotation(ctx: Ctx): Promise<{ active: number; resumed: boolean } | null> {
  const keys = await repo.orgKeysOf(ctx.tx, ctx.orgId, { lock: true });
  if (keys.length === 0) return null;
  const newest = Math.max(...keys.map((k) => k.version));
  if (keys.some((k) => k.state === 'retiring')) return { active: newest, resumed: true };
  await addOrgKey(ctx.tx, ctx.deps.config.masterKeys, ctx.orgId, newest + 1);
  const active = keys.filter((k) => k.state === 'active').map((k) => k.version);
  await repo.setState(ctx.tx, ctx.orgId, active, 'retiring');
  return { active: newest + 1, resumed: false };
}

/** Rewraps until no row is under an older version; nothing new is sealed under one once it is retiring. */
async function rewrapAll(
  deps: Deps,
  orgId: string,
  to: number,
  batchSize: number,
  opts: RotationOptions,
): Promise<number> {
  let total = 0;
  // A row a concurrent run changed under this one's feet is skipped; the next pass sees it.
  for (let pass = 1; ; pass++) {
    for (const table of KEYED_TABLES) total += await rewrapTable(deps, orgId, table, to, batchSize, opts);
    const left = await inOrg(deps, orgId, (ctx) => rowsBelow(ctx, to));
    if (left === 0) return total;
    if (pass === 3) {
      throw new KeyRotationError(`${left} rows of org ${orgId} are still under older org key versions; run it again`);
    }
  }
}

async function rowsBelow(ctx: Ctx, version: number): Promise<number> {
  let n = 0;
  for (const table of KEYED_TABLES) n += await repo.rowsBelow(ctx.tx, table, ctx.orgId, version);
  return n;
}

/** One table, in batches by id: each batch locks its rows, rewraps their data keys and commits. */
async function rewrapTable(
  deps: Deps,
  orgId: string,
  table: KeyedTable,
  to: number,
  batchSize: number,
  opts: RotationOptions,
): Promise<number> {
  const keyring = deps.config.masterKeys;
  let after: string | null = null;
  let done = 0;
  for (;;) {
    const cursor: string | null = after;
    const ids = await inOrg(deps, orgId, async (ctx) => {
      const rows = await repo.rowsToRewrap(ctx.tx, table, orgId, to, cursor, batchSize);
      const keys = new Map<number, VersionedKey>();
      const keyOf = async (version: number) => {
        const known = keys.get(version) ?? (await orgKey(ctx.tx, keyring, orgId, version));
        keys.set(version, known);
        return known;
      };
      const target = await keyOf(to);
      const next: { id: string; dataKey: Buffer }[] = [];
      for (const row of rows) {
        const from = await keyOf(row.orgKeyVersion);
        next.push({ id: row.id, dataKey: rewrapDataKey(from, target, row.dataKey, table.context(orgId, row.id)) });
      }
      await repo.setDataKeys(ctx.tx, table, orgId, to, next);
      return rows.map((r) => r.id);
    });
    if (ids.length === 0) return done;
    done += ids.length;
    after = ids.at(-1)!;
    opts.onProgress?.({ step: 'rewrap', orgId, table: table.name, rows: done });
  }
}

/** Retires the retiring versions and logs the rotation, once; a concurrent run that finished first leaves nothing. */
async function finishRotation(ctx: Ctx, active: number, rewrapped: number): Promise<number[]> {
  const keys = await repo.orgKeysOf(ctx.tx, ctx.orgId, { lock: true });
  const retiring = keys.filter((k) => k.state === 'retiring').map((k) => k.version);
  if (retiring.length === 0) return [];
  const left = await rowsBelow(ctx, active);
  if (left > 0) throw new KeyRotationError(`${left} rows of org ${ctx.orgId} are still under older org key versions`);
  await repo.setState(ctx.tx, ctx.orgId, retiring, 'retired');
  await record(ctx, {
    action: 'keys.org_rotated',
    objectType: 'org',
    objectId: ctx.orgId,
    changes: { orgKeyVersion: { before: Math.max(...retiring), after: active } },
    extra: { retired: retiring, rewrapped },
  });
  return retiring;
}

async function retiredVersions(deps: Deps, orgId: string): Promise<{ destroyed: number[]; kept: number[] }> {
  const keys = await inOrg(deps, orgId, (ctx) => repo.orgKeysOf(ctx.tx, orgId, { lock: false }));
  return { destroyed: [], kept: keys.filter((k) => k.state === 'retired').map((k) => k.version) };
}

/**
 * Destroys the org's retired key versions that no row uses. First it waits until every transaction open
 * now has ended: one may have read a row just before its rewrap and not yet opened its old key. If they
 * have not ended within drainMs, nothing is destroyed (run it again later).
 */
export async function destroyRetired(
  deps: Deps,
  orgId: string,
  opts: RotationOptions & { drainMs?: number } = {},
): Promise<{ destroyed: number[]; kept: number[] }> {
  const drained = await waitForOpenTransactions(deps, orgId, opts.drainMs ?? DRAIN_MS, opts);
  return inOrg(deps, orgId, async (ctx) => {
    const keys = await repo.orgKeysOf(ctx.tx, orgId, { lock: true });
    const retired = keys.filter((k) => k.state === 'retired').map((k) => k.version);
    if (!drained) return { destroyed: [], kept: retired };
    const used = new Set<number>();
    for (const table of KEYED_TABLES) {
      for (const [version, n] of await repo.rowsPerVersion(ctx.tx, table, orgId)) if (n > 0) used.add(version);
    }
    const destroyed = retired.filter((v) => !used.has(v));
    await repo.deleteKeys(ctx.tx, orgId, destroyed);
    if (destroyed.length > 0) {
      await record(ctx, {
        action: 'keys.org_keys_destroyed',
        objectType: 'org',
        objectId: orgId,
        extra: { versions: destroyed },
      });
    }
    return { destroyed, kept: retired.filter((v) => used.has(v)) };
  });
}

async function waitForOpenTransactions(
  deps: Deps,
  orgId: string,
  timeoutMs: number,
  opts: RotationOptions,
): Promise<boolean> {
  const open = await transact(deps, {}, (tx) => repo.openTransactions(tx));
  const deadline = Date.now() + timeoutMs;
  for (let round = 0; ; round++) {
    const left = await transact(deps, {}, (tx) => repo.stillOpen(tx, open));
    if (left === 0) return true;
    if (round === 0) opts.onProgress?.({ step: 'drain', orgId, open: left });
    if (Date.now() >= deadline) return false;
    await delay(DRAIN_POLL_MS);
  }
}

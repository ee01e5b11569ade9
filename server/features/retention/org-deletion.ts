import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { addDays } from '../../../common/terms/dates.js';
import { rowsOf, type Tx } from '../../db/client.js';
import { type Claims, setClaims } from '../../db/tx.js';
import type { Deps } from '../../platform/context.js';
import { deletionReceiptMail } from '../../platform/mail/retention-messages.js';
import { countSnapshotKeys, rewriteKeySnapshots } from '../backup/backup.keys.js';
import { withBackupPlace } from '../backup/backup.places.js';
import { type Receipt, receiptSigningKey, signReceipt } from './receipts.js';

export type DeletionReason = Receipt['reason'];

/** What deleting one organization removes, counted before anything goes. */
export interface DeletionPlan {
  orgId: string;
  name: string;
  legalHold: string | null;
  /**
   * Rows per table (`users`: people who belong to no other organization), `blobs`, `orgKeys`, and with
   * key-store snapshots taken (BACKUP_KEYS_DIR or BACKUP_KEYS_CONTAINER) `snapshotOrgKeys`: its keys in them.
   */
  counts: Record<string, number>;
}

export class OrgDeletionError extends Error {
  constructor(
    readonly code: 'org_not_found' | 'legal_hold',
    message: string,
  ) {
    super(message);
  }
}

const blobPrefix = (orgId: string) => `orgs/${orgId}`;

/** The ways in: emptied when a deletion starts, so nothing new is written while it runs. */
const ACCESS_TABLES = ['sessions', 'api_keys', 'scim_tokens', 'inbox_addresses'] as const;

async function deleteBlobs(deps: Deps, orgId: string): Promise<void> {
  for await (const name of deps.blobs.list(blobPrefix(orgId))) await deps.blobs.delete(name);
}

/**
 * A transaction as the connection's own role (the schema owner, which may delete activity-log rows
 * the app role may not), claiming the org: every statement also names it, and where the owner is
 * not a superuser, row-level security (every table FORCEs it) binds it to that org as well.
 */
function asRetention<T>(deps: Deps, orgId: string, fn: (tx: Tx) => Promise<T>, more: Claims = {}): Promise<T> {
  return deps.database.db.transaction(async (tx) => {
    await setClaims(tx, { orgId, retention: 'on', ...more });
    return fn(tx);
  });
}

/** Every table of the public schema with an org_id column (the tenant tables), the operator's own records left out. */
async function tenantTables(tx: Tx): Promise<string[]> {
  const result = await tx.execute(sql`
    select c.table_name as name
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = 'public' and c.column_name = 'org_id' and t.table_type = 'BASE TABLE'
      and c.table_name <> 'org_deletions'
    order by 1`);
  return rowsOf<{ name: string }>(result).map((r) => r.name);
}

async function count(tx: Tx, query: ReturnType<typeof sql>): Promise<number> {
  return Number(rowsOf<{ n: number | string }>(await tx.execute(query))[0]?.n ?? 0);
}

/** Members of the org who belong to no other organization: they go with it. */
async function lonelyUsers(tx: Tx, orgId: string): Promise<string[]> {
  const members = rowsOf<{ id: string }>(
    await tx.execute(sql`select user_id as id from memberships where org_id = ${orgId} order by user_id`),
  ).map((r) => r.id);
  const lonely: string[] = [];
  for (const id of members) {
    // The person's own claim shows all their memberships (the policy's user_id = app_user()).
    await setClaims(tx, { userId: id });
    const elsewhere = await count(
      tx,
      sql`select count(*) as n from memberships where user_id = ${id} and org_id <> ${orgId}`,
    );
    if (elsewhere === 0) lonely.push(id);
  }
  await setClaims(tx, { userId: null });
  return lonely;
}

/** What lies outside the database: blobs, and the org's keys in the kept key-store snapshots. */
async function countOutside(deps: Deps, orgId: string): Promise<Record<string, number>> {
  const blobs = await countBlobs(deps, orgId);
  const at = deps.config.backup.keys;
  if (!at) return { blobs };
  const snapshotOrgKeys = await withBackupPlace(at, 'keys', (place) =>
    countSnapshotKeys(place, orgId, deps.config.backupKeys),
  );
  return { blobs, snapshotOrgKeys };
}

/** Every kept key-store snapshot rewritten without the org's keys (one already without them stays as it is). */
async function shredSnapshots(deps: Deps, orgId: string): Promise<void> {
  const at = deps.config.backup.keys;
  if (!at) return;
  const removed = await withBackupPlace(at, 'keys', (place) =>
    rewriteKeySnapshots(place, orgId, deps.config.backupKeys),
  );
  if (removed > 0) deps.log.info({ orgId, removed }, 'org keys removed from the key-store snapshots');
}

async function countBlobs(deps: Deps, orgId: string): Promise<number> {
  let n = 0;
  for await (const _ of deps.blobs.list(blobPrefix(orgId))) n++;
  return n;
}

async function countRows(tx: Tx, orgId: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of await tenantTables(tx)) {
    counts[table] = await count(tx, sql`select count(*) as n from ${sql.identifier(table)} where org_id = ${orgId}`);
  }
  counts.users = (await lonelyUsers(tx, orgId)).length;
  counts.orgKeys = await count(tx, sql`select count(*) as n from keystore.org_keys where org_id = ${orgId}`);
  return counts;
}

/** The dry run: what deleting the org would remove. Throws org_not_found for an id that is not an org. */
export async function planDeletion(deps: Deps, orgId: string): Promise<DeletionPlan> {
  const plan = await asRetention(
    deps,
    orgId,
    async (tx) => {
      const org = rowsOf<{ name: string; legal_hold_reason: string | null }>(
        await tx.execute(sql`select name, legal_hold_reason from orgs where id = ${orgId}`),
      )[0];
      if (!org) throw new OrgDeletionError('org_not_found', `There is no organization ${orgId}.`);
      return { orgId, name: org.name, legalHold: org.legal_hold_reason, counts: await countRows(tx, orgId) };
    },
    { jobs: 'on' },
  );
  Object.assign(plan.counts, await countOutside(deps, orgId));
  return plan;
}

interface DeletionRecord {
  started_at: Date | string;
  finished_at: Date | string | null;
  name_sha256: string;
  reason: DeletionReason;
  counts: Record<string, number>;
  notify: { emails: string[]; locale: string }[] | null;
  receipt: Receipt | null;
}

async function findRecord(tx: Tx, orgId: string): Promise<DeletionRecord | null> {
  const rows = rowsOf<DeletionRecord>(
    await tx.execute(
      sql`select started_at, finished_at, name_sha256, reason, counts, notify, receipt from org_deletions where org_id = ${orgId}`,
    ),
  );
  return rows[0] ?? null;
}

/** The administrators' addresses by language, for the receipt mail (kept only while the deletion runs). */
async function administrators(tx: Tx, orgId: string): Promise<{ emails: string[]; locale: string }[]> {
  const rows = rowsOf<{ email: string; locale: string }>(
    await tx.execute(sql`
      select u.email, u.locale from memberships m join users u on u.id = m.user_id
      where m.org_id = ${orgId} and m.is_admin and m.status = 'active' order by u.email`),
  );
  const byLocale = new Map<string, string[]>();
  for (const r of rows) byLocale.set(r.locale, [...(byLocale.get(r.locale) ?? []), r.email]);
  return [...byLocale].map(([locale, emails]) => ({ locale, emails }));
}

const iso = (value: Date | string) => new Date(value).toISOString();

/**
 * Deletes an organization for good, in an order that a crash can interrupt anywhere and a rerun
 * completes: (1) a deletion record (counts, and who gets the receipt), and the org's sessions, API
 * keys, SCIM tokens and inbox addresses removed so nothing new arrives; (2) its org keys, in the key
 * store and in every key-store snapshot kept (BACKUP_KEYS_DIR or _CONTAINER), so from here on every copy of its
 * files and encrypted fields, in backups too, is unreadable; (3) every
 * blob under its name prefix, in whichever store is configured; (4) every row of every tenant table
 * and the people who belonged to no other org, in one transaction; (5) the signed receipt, mailed to
 * the administrators; the record keeps it, without personal data. A finished deletion answers its
 * receipt again. Refused while a legal hold is on.
 */
export async function deleteOrganization(
  deps: Deps,
  orgId: string,
  reason: DeletionReason,
  now = new Date(),
): Promise<Receipt> {
  const record = await asRetention(
    deps,
    orgId,
    async (tx) => {
      const existing = await findRecord(tx, orgId);
      if (existing) return existing;
      const org = rowsOf<{ name: string; legal_hold_reason: string | null }>(
        await tx.execute(sql`select name, legal_hold_reason from orgs where id = ${orgId} for update`),
      )[0];
      if (!org) throw new OrgDeletionError('org_not_found', `There is no organization ${orgId}.`);
      if (org.legal_hold_reason !== null) {
        throw new OrgDeletionError(
          'legal_hold',
          `Organization ${orgId} is under a legal hold: ${org.legal_hold_reason}`,
        );
      }
      const fresh: DeletionRecord = {
        started_at: now,
        finished_at: null,
        name_sha256: createHash('sha256').update(org.name, 'utf8').digest('hex'),
        reason,
        counts: { ...(await countRows(tx, orgId)), ...(await countOutside(deps, orgId)) },
        notify: await administrators(tx, orgId),
        receipt: null,
      };
      await tx.execute(sql`
        insert into org_deletions (org_id, name_sha256, reason, started_at, counts, notify)
        values (${orgId}, ${fresh.name_sha256}, ${reason}, ${now.toISOString()}, ${JSON.stringify(fresh.counts)}::jsonb,
                ${JSON.stringify(fresh.notify)}::jsonb)`);
      // Nobody acts for the org any more: no session, API key, SCIM token or inbox address writes to it meanwhile.
      for (const table of ACCESS_TABLES) {
        await tx.execute(sql`delete from ${sql.identifier(table)} where org_id = ${orgId}`);
      }
      return fresh;
    },
    { jobs: 'on' },
  );
  if (record.receipt && record.finished_at) return record.receipt;

  // (2) Crypto-shredding first: the keys are what data backups do not hold; then their copies in the
  // key-store snapshots (BACKUP_KEYS_DIR or _CONTAINER), each rewritten whole, so a rerun skips those already done.
  await asRetention(deps, orgId, (tx) => tx.execute(sql`delete from keystore.org_keys where org_id = ${orgId}`));
  await shredSnapshots(deps, orgId);

  // (3) The blobs, by name prefix: documents, versions and anything else stored for the org.
  await deleteBlobs(deps, orgId);

  // (4) The rows, all or nothing.
  await asRetention(
    deps,
    orgId,
    async (tx) => {
      const people = await lonelyUsers(tx, orgId);
      await tx.execute(sql`delete from orgs where id = ${orgId}`);
      // A key a request in flight made after (2) goes too.
      await tx.execute(sql`delete from keystore.org_keys where org_id = ${orgId}`);
      for (const table of await tenantTables(tx)) {
        await tx.execute(sql`delete from ${sql.identifier(table)} where org_id = ${orgId}`);
      }
      for (const id of people) {
        await setClaims(tx, { userId: id });
        await tx.execute(sql`delete from users where id = ${id}`);
      }
    },
    { jobs: 'on' },
  );
  // A blob a request in flight stored after (3), sealed under a key that no longer exists; a snapshot
  // a scheduled backup was writing while (2) ran.
  await deleteBlobs(deps, orgId);
  await shredSnapshots(deps, orgId);

  // (5) The receipt.
  const deletedAt = new Date();
  const receipt = signReceipt(
    {
      kind: 'deedbox.deletion-receipt',
      version: 1,
      deployment: deps.config.appUrl,
      orgId,
      orgNameSha256: record.name_sha256,
      reason: record.reason,
      startedAt: iso(record.started_at),
      deletedAt: deletedAt.toISOString(),
      counts: record.counts,
      backupsReadableUntil: addDays(deletedAt.toISOString().slice(0, 10), deps.config.backupRetentionDays),
    },
    receiptSigningKey(deps.config.secretKey),
  );
  for (const group of record.notify ?? []) {
    for (const to of group.emails) {
      await deps.mailer
        .send(deletionReceiptMail(group.locale === 'de' ? 'de' : 'en', to, receipt))
        .catch((err: unknown) => deps.log.error({ err, orgId }, 'deletion receipt mail failed'));
    }
  }
  await asRetention(deps, orgId, (tx) =>
    tx.execute(sql`
      update org_deletions set finished_at = ${deletedAt.toISOString()}, receipt = ${JSON.stringify(receipt)}::jsonb,
        notify = null
      where org_id = ${orgId}`),
  );
  deps.log.info({ orgId, reason, counts: record.counts }, 'organization deleted');
  return receipt;
}

/** Finished deletions' receipts, newest first (the operator's record; no personal data). */
export async function deletionReceipts(deps: Deps): Promise<Receipt[]> {
  return deps.database.db.transaction(async (tx) => {
    await setClaims(tx, { retention: 'on' });
    const rows = rowsOf<{ receipt: Receipt }>(
      await tx.execute(
        sql`select receipt from org_deletions where finished_at is not null order by finished_at desc, org_id`,
      ),
    );
    return rows.map((r) => r.receipt);
  });
}

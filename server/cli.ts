import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { email, newPassword, ROLES } from '../common/schemas/auth.js';
import { ssoDomainName } from '../common/schemas/sso.js';
import { PLAN_NAMES, SUBSCRIPTION_STATUSES } from '../common/subscriptions.js';
import { dateInputProblem } from '../common/terms/dates.js';
import { ConfigError, loadConfig, loadStorageConfig, STORAGE_DRIVERS } from './config.js';
import { openDatabase } from './db/client.js';
import { DataDirLockedError } from './db/data-dir-lock.js';
import * as apiKeys from './features/api-keys/api-keys.service.js';
import { runApprovals } from './features/approvals/approvals.sweep.js';
import { recordWith, verify } from './features/audit/audit.service.js';
import { BackupError } from './features/backup/backup.format.js';
import { writeKeySnapshot } from './features/backup/backup.keys.js';
import { restoreBackup } from './features/backup/backup.restore.js';
import { fileSink, verifyBackup, writeBackup } from './features/backup/backup.service.js';
import { purge as purgeContracts, refresh as refreshContracts } from './features/contracts/contracts.jobs.js';
import { extractPending } from './features/documents/documents.text.jobs.js';
import { progressLine } from './features/keys/keys.progress.js';
import {
  destroyRetired,
  KeyRotationError,
  type RotationProgress,
  rotateMaster,
  rotateOrg,
} from './features/keys/keys.rotation.js';
import { keyStatus } from './features/keys/keys.status.js';
import { createOrgWithOwner } from './features/orgs/orgs.service.js';
import { resolveAsOf, runReminders } from './features/reminders/engine/run.js';
import { setLegalHold } from './features/retention/legal-hold.service.js';
import {
  deleteOrganization,
  deletionReceipts,
  OrgDeletionError,
  planDeletion,
} from './features/retention/org-deletion.js';
import { publicKeyOf, receiptSigningKey, verifyReceipt } from './features/retention/receipts.js';
import { runRetention } from './features/retention/retention.run.js';
import { reseal, runSigning } from './features/signing/signing.run.js';
import { verifyDomain } from './features/sso/sso.settings.service.js';
import { changePlan } from './features/subscriptions/subscriptions.service.js';
import { findOrg, findUserByEmail } from './features/users/users.repo.js';
import { type Actor, type Deps, runInOrg, transact } from './platform/context.js';
import { hashPassword } from './platform/crypto/passwords.js';
import { AppError } from './platform/errors.js';
import { allOrgs } from './platform/jobs/orgs.repo.js';
import { jobsOverview } from './platform/jobs/overview.js';
import { JobRegistryError } from './platform/jobs/registry.js';
import { OrgKeyUnavailableError } from './platform/keys/org-keys.js';
import { loggerOptions } from './platform/logger.js';
import { createMailer } from './platform/mail/mailer.js';
import { createSmsSender } from './platform/sms/sms.js';
import { createBlobStore } from './platform/storage/create-store.js';
import { migrateBlobs } from './platform/storage/migrate.js';
import { requireMasterKeys, startServer } from './server.js';
import { JOBS, startWorker, workerJobs } from './worker.js';

class UsageError extends Error {}

const USAGE = `Usage: deedbox <command>
  serve                                   start the server (default)
  migrate                                 apply database migrations
  org create --name N --owner-email E --owner-password P [--owner-name N]
  org hold --org ID --reason R            place a legal hold: nothing of the org is deleted while it is on
  org release --org ID                    release the legal hold
  org delete --org ID --name N [--dry-run]
                                          delete the org now (N: its exact name, as a check); --dry-run
                                          lists what would go; resumable; prints the signed receipt
  receipts verify FILE [--public-key K]   check a deletion receipt's signature: by this deployment's key,
                                          or by K (base64 SPKI, as receipts public-key prints it)
  receipts public-key                     this deployment's receipt-signing public key and fingerprint
  receipts list                           the receipts of finished deletions (no personal data)
  retention run [--as-of T] [--org ID] [--dry-run]
                                          delete the cancelled orgs whose retention period ended by T
                                          (default now; legal holds kept and listed), and complete
                                          deletions a crash interrupted; --dry-run lists, deletes nothing
  org plan --org ID --plan starter|team|business|enterprise [--status trialing|active|past_due|cancelled]
           [--period-end YYYY-MM-DD]      set an organization's plan (seat limit), status and paid period end;
                                          cancelled turns it read-only at the period end (at once if none)
  apikey create --org ID --name N --role administrator|editor|viewer
  audit verify --org ID
  domain verify --org ID --domain D      mark a single sign-on domain verified (its DNS TXT record checked by you)
  contracts refresh [--org ID]            recompute stored contract dates that rolled over
  contracts purge [--org ID]              remove contracts deleted more than 30 days ago
  documents extract [--org ID] [--limit N]
                                          read the text of up to N (default 100) document versions
                                          waiting for it, now, as the background job does
  reminders run [--as-of T] [--org ID]    queue due reminders and send the outbox once; T is an
                                          instant (2027-09-01T06:00Z) or an account-local time
                                          (2027-09-01T08:00); idempotent
  approvals run [--as-of T] [--org ID]    mail about overdue approval steps (once a day each); T as for
                                          reminders run
  signing run [--as-of T] [--org ID]      expire envelopes whose time ran out, queue due signing reminders,
                                          seal completed envelopes and send the outbox once; T as for
                                          reminders run
  signing reseal --envelope ID            queue an envelope whose sealing failed for good again
  storage migrate --to local|azure|s3     copy every document blob from the configured STORAGE_DRIVER
                                          to the other driver's settings; resumable, deletes nothing
  keys status [--org ID]                  master and org key versions in use, and rows per org key
  keys rotate-master [--org ID]           rewrap org keys under the active MASTER_KEYS version
  keys rotate-org --org ID|--all [--destroy-retired]
                                          a new org key, every data key rewrapped under it
  keys destroy-retired --org ID|--all     destroy retired org keys that no row uses
  backup create [--out FILE]              an encrypted backup (database and document blobs) sealed with
                                          BACKUP_KEYS; default FILE deedbox-<time>.backup
  backup verify FILE                      authenticate every byte and check every checksum; restores nothing
  backup restore FILE [--keys SNAPSHOT]   into an empty deployment; SNAPSHOT (from backup keys) loads the key store
  backup keys --out FILE                  a snapshot of the key store (kept apart from data backups)
  worker                                  run the background worker without the web server
  jobs                                    each background job's last run, counts and next due time`;

/** `--name value` options, and `switches` that take no value (read as 'true'). */
function flags(args: string[], allowed: string[], switches: string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const key = args[i]!;
    const name = key.slice(2);
    if (!key.startsWith('--') || ![...allowed, ...switches].includes(name))
      throw new UsageError(`unknown option ${key}`);
    if (switches.includes(name)) {
      out[name] = 'true';
      continue;
    }
    const value = args[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${key} needs a value`);
    out[name] = value;
  }
  return out;
}

function parse<S extends z.ZodType>(schema: S, value: unknown): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new UsageError(`--${issue.path.join('.')}: ${issue.message}`);
}

const SYSTEM: Actor = { type: 'system', name: 'deedbox CLI' };
const cliRequest = { id: randomUUID(), ip: null, userAgent: 'deedbox-cli', via: 'cli' as const };

async function withDeps<T>(fn: (deps: Deps) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const database = await openDatabase(config);
  const { pino } = await import('pino');
  const log = pino(loggerOptions('warn'), process.stderr);
  const mailer = createMailer(config.mail, log);
  const blobs = await createBlobStore(config.storage);
  try {
    await database.migrate();
    return await fn({ config, database, mailer, log, blobs, sms: createSmsSender(config.sms, log) });
  } finally {
    await blobs.close();
    mailer.close();
    await database.close();
  }
}

const print = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function orgCreate(args: string[]) {
  const f = flags(args, ['name', 'owner-email', 'owner-password', 'owner-name']);
  const input = parse(
    z.object({
      name: z.string().trim().min(1).max(160),
      'owner-email': email,
      'owner-password': newPassword,
      'owner-name': z.string().trim().min(1).max(120).optional(),
    }),
    f,
  );
  await withDeps(async (deps) => {
    const orgId = randomUUID();
    const userId = randomUUID();
    const passwordHash = await hashPassword(input['owner-password'], deps.config.scryptLogN);
    await transact(deps, { orgId, userId, email: input['owner-email'] }, async (tx) => {
      const owner = {
        name: input['owner-name'] ?? input['owner-email'].split('@')[0]!,
        email: input['owner-email'],
        passwordHash,
        locale: 'en' as const,
        emailVerified: true,
      };
      if (await findUserByEmail(tx, input['owner-email']))
        throw new UsageError(`--owner-email: ${input['owner-email']} is already registered`);
      await createOrgWithOwner(tx, deps.config, { orgId, userId, companyName: input.name, owner });
      await recordWith(
        { tx, orgId, actor: SYSTEM, request: cliRequest },
        { action: 'org.created', objectType: 'org', objectId: orgId, extra: { name: input.name } },
      );
    });
    print({ orgId, userId });
  });
}

async function orgPlan(args: string[]) {
  const input = parse(
    z.object({
      org: z.uuid(),
      plan: z.enum(PLAN_NAMES),
      status: z.enum(SUBSCRIPTION_STATUSES).optional(),
      'period-end': z.iso
        .date('must be a date, YYYY-MM-DD')
        .refine((v) => dateInputProblem(v) === null, 'is not a real date from 1900-01-01 to 2200-12-31')
        .optional(),
    }),
    flags(args, ['org', 'plan', 'status', 'period-end']),
  );
  await withDeps(async (deps) => {
    const result = await runInOrg(deps, { orgId: input.org, actor: SYSTEM }, cliRequest, async (ctx) => {
      if (!(await findOrg(ctx.tx, input.org))) throw new UsageError(`--org: no organization ${input.org}`);
      const periodEnd = input['period-end'] ? new Date(`${input['period-end']}T00:00:00Z`) : undefined;
      return changePlan(ctx, { plan: input.plan, status: input.status, periodEnd });
    });
    print({
      orgId: input.org,
      plan: result.plan,
      status: result.status,
      seats: result.seats,
      currentPeriodEnd: result.currentPeriodEnd,
      accessUntil: result.accessUntil,
      readOnly: result.readOnly,
      deletionDate: result.deletionDate,
    });
  });
}

async function apikeyCreate(args: string[]) {
  const f = flags(args, ['org', 'name', 'role']);
  const input = parse(z.object({ org: z.uuid(), name: z.string().trim().min(1).max(120), role: z.enum(ROLES) }), f);
  await withDeps(async (deps) => {
    const created = await runInOrg(deps, { orgId: input.org, actor: SYSTEM }, cliRequest, async (ctx) => {
      if (!(await findOrg(ctx.tx, input.org))) throw new UsageError(`--org: no organization ${input.org}`);
      return apiKeys.create(ctx, {
        name: input.name,
        role: input.role,
        businessUnitIds: null,
        scopes: null,
        rateLimitPerMinute: null,
      });
    });
    print({ id: created.apiKey.id, token: created.token, role: created.apiKey.role });
  });
}

async function auditVerify(args: string[]): Promise<number> {
  const input = parse(z.object({ org: z.uuid() }), flags(args, ['org']));
  return withDeps(async (deps) => {
    const result = await runInOrg(deps, { orgId: input.org, actor: SYSTEM }, cliRequest, (ctx) =>
      verify(ctx.tx, ctx.orgId),
    );
    print(result);
    return result.intact ? 0 : 1;
  });
}

async function domainVerify(args: string[]): Promise<number> {
  const input = parse(z.object({ org: z.uuid(), domain: ssoDomainName }), flags(args, ['org', 'domain']));
  return withDeps(async (deps) => {
    try {
      print(
        await runInOrg(deps, { orgId: input.org, actor: SYSTEM }, cliRequest, (ctx) => verifyDomain(ctx, input.domain)),
      );
      return 0;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const taken = error.code === 'conflict';
      process.stderr.write(
        `deedbox: ${taken ? `${input.domain} is already verified by another account` : `${input.domain} is not a domain of account ${input.org}; add it in Settings → Single sign-on first`}\n`,
      );
      return 1;
    }
  });
}

async function orgHold(hold: boolean, args: string[]) {
  const input = hold
    ? parse(z.object({ org: z.uuid(), reason: z.string().trim().min(3).max(500) }), flags(args, ['org', 'reason']))
    : { ...parse(z.object({ org: z.uuid() }), flags(args, ['org'])), reason: null };
  await withDeps(async (deps) =>
    print({
      orgId: input.org,
      legalHold: await runInOrg(deps, { orgId: input.org, actor: SYSTEM }, cliRequest, (ctx) =>
        setLegalHold(ctx, input.reason),
      ),
    }),
  );
}

async function orgDelete(args: string[]): Promise<number> {
  const input = parse(
    z.object({ org: z.uuid(), name: z.string().min(1), 'dry-run': z.literal('true').optional() }),
    flags(args, ['org', 'name'], ['dry-run']),
  );
  return withDeps(async (deps) => {
    const plan = await planDeletion(deps, input.org);
    if (plan.name !== input.name)
      throw new UsageError(`--name: organization ${input.org} is not called "${input.name}"`);
    if (input['dry-run']) {
      print({ dryRun: true, ...plan });
      return 0;
    }
    print(await deleteOrganization(deps, input.org, 'operator'));
    return 0;
  });
}

async function retentionRun(args: string[]): Promise<number> {
  const input = parse(
    z.object({
      'as-of': z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?Z)?$/, 'must be YYYY-MM-DD or YYYY-MM-DDTHH:MMZ')
        .refine((v) => dateInputProblem(v.slice(0, 10)) === null, 'is not a real date from 1900-01-01 to 2200-12-31')
        .optional(),
      org: z.uuid().optional(),
      'dry-run': z.literal('true').optional(),
    }),
    flags(args, ['as-of', 'org'], ['dry-run']),
  );
  const asOf = input['as-of']
    ? new Date(input['as-of'].length === 10 ? `${input['as-of']}T00:00:00Z` : input['as-of'])
    : undefined;
  return withDeps(async (deps) => {
    const orgIds = input.org ? [input.org] : undefined;
    print(await runRetention(deps, { asOf, dryRun: Boolean(input['dry-run']), orgIds }));
    return 0;
  });
}

async function receipts(sub: 'verify' | 'public-key' | 'list', args: string[]): Promise<number> {
  if (sub === 'verify') {
    const [file, ...rest] = args;
    if (!file || file.startsWith('--')) throw new UsageError('receipts verify needs the receipt FILE');
    const input = parse(z.object({ 'public-key': z.string().min(40).optional() }), flags(rest, ['public-key']));
    const expected = input['public-key'] ?? publicKeyOf(receiptSigningKey(loadConfig().secretKey)).publicKey;
    const { readFile } = await import('node:fs/promises');
    const check = verifyReceipt(await readFile(file, 'utf8'), expected);
    if (check.ok) {
      print({ valid: true, orgId: check.receipt.orgId, deletedAt: check.receipt.deletedAt });
      return 0;
    }
    process.stderr.write(`deedbox: ${file}: not a valid receipt: ${check.detail}\n`);
    return 1;
  }
  flags(args, []);
  if (sub === 'public-key') {
    print(publicKeyOf(receiptSigningKey(loadConfig().secretKey)));
    return 0;
  }
  await withDeps(async (deps) => {
    for (const receipt of await deletionReceipts(deps)) print(receipt);
  });
  return 0;
}

async function contractsJob(job: 'refresh' | 'purge', args: string[]) {
  const input = parse(z.object({ org: z.uuid().optional() }), flags(args, ['org']));
  await withDeps(async (deps) => {
    const result = await (job === 'refresh' ? refreshContracts : purgeContracts)(deps, { orgId: input.org });
    print(
      job === 'refresh'
        ? { orgs: result.orgs, refreshed: result.refreshed }
        : { orgs: result.orgs, purged: result.purged },
    );
  });
}

async function documentsExtract(args: string[]) {
  const input = parse(
    z.object({ org: z.uuid().optional(), limit: z.coerce.number().int().min(1).max(10_000).default(100) }),
    flags(args, ['org', 'limit']),
  );
  await withDeps(async (deps) => print(await extractPending(deps, { limit: input.limit, orgId: input.org })));
}

const asOfFlag = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/i,
    'must be YYYY-MM-DD[THH:MM[Z|±HH:MM]]',
  )
  .refine((v) => dateInputProblem(v.slice(0, 10)) === null, 'is not a real date from 1900-01-01 to 2200-12-31')
  .optional();
const asOfArgs = (args: string[]) =>
  parse(z.object({ 'as-of': asOfFlag, org: z.uuid().optional() }), flags(args, ['as-of', 'org']));

async function remindersRun(args: string[]): Promise<number> {
  const input = asOfArgs(args);
  return withDeps(async (deps) => {
    // Stored contract dates roll over to the same moment first, as the worker's own job does every minute.
    const asOf = input['as-of'];
    const refreshed = await refreshContracts(deps, { orgId: input.org, now: (zone) => resolveAsOf(asOf, zone) });
    const { orgs, ...result } = await runReminders(deps, { asOf, orgId: input.org });
    print({ orgs, refreshed: refreshed.refreshed, ...result });
    return result.errors > 0 ? 1 : 0;
  });
}

/** Overdue approval steps mailed about, as the `approvals.sweep` job does (the outbox sends them). */
async function approvalsRun(args: string[]): Promise<number> {
  const input = asOfArgs(args);
  return withDeps(async (deps) => {
    const result = await runApprovals(deps, { asOf: input['as-of'], orgId: input.org });
    print(result);
    return result.errors > 0 ? 1 : 0;
  });
}

/** Expiry, reminders, sealing and the outbox once, as the `signing.sweep`, `signing.seal` and `mail.send` jobs do. */
async function signingRun(args: string[]): Promise<number> {
  const input = asOfArgs(args);
  return withDeps(async (deps) => {
    const result = await runSigning(deps, { asOf: input['as-of'], orgId: input.org });
    print(result);
    return result.errors > 0 ? 1 : 0;
  });
}

async function signingReseal(args: string[]): Promise<number> {
  const input = parse(z.object({ envelope: z.uuid() }), flags(args, ['envelope']));
  return withDeps(async (deps) => {
    const requeued = await reseal(deps, input.envelope);
    if (!requeued) {
      process.stderr.write(`deedbox: no envelope ${input.envelope} whose sealing failed\n`);
      return 1;
    }
    print({ requeued: true, ...requeued });
    return 0;
  });
}

/** Needs no database: it can run beside a serving app, before and after STORAGE_DRIVER is switched. */
async function storageMigrate(args: string[]): Promise<number> {
  const input = parse(z.object({ to: z.enum(STORAGE_DRIVERS) }), flags(args, ['to']));
  const config = loadConfig();
  if (input.to === config.storage.driver) {
    throw new UsageError(`--to: blobs are already stored with ${input.to} (STORAGE_DRIVER)`);
  }
  const from = await createBlobStore(config.storage);
  const to = await createBlobStore(loadStorageConfig(input.to));
  let lastReport = 0;
  try {
    const counts = await migrateBlobs(from, to, {
      onProgress: ({ copied, skipped, bytes }) => {
        if (Date.now() - lastReport < 1000) return;
        lastReport = Date.now();
        process.stderr.write(`storage migrate: ${copied} copied (${bytes} bytes), ${skipped} already there\n`);
      },
    });
    print({ from: config.storage.driver, to: input.to, ...counts });
    return 0;
  } catch (error) {
    process.stderr.write(`deedbox: storage migrate stopped: ${(error as Error).message}; run it again to resume\n`);
    return 1;
  } finally {
    await from.close();
    await to.close();
  }
}

async function listJobs(args: string[]) {
  flags(args, []);
  await withDeps(async (deps) => {
    for (const job of await jobsOverview(deps, JOBS, new Date())) print(job);
  });
}

const showProgress = (progress: RotationProgress) => process.stderr.write(`${progressLine(progress)}\n`);

/** The orgs a keys command works on: the one named (which must exist), or all. */
async function keyOrgs(deps: Deps, org: string | undefined): Promise<string[]> {
  const orgs = await transact(deps, {}, (tx) => allOrgs(tx, org));
  if (org && orgs.length === 0) throw new UsageError(`--org: no organization ${org}`);
  return orgs.map((o) => o.id);
}

type KeysCommand = 'status' | 'rotate-master' | 'rotate-org' | 'destroy-retired';

async function keys(sub: KeysCommand, args: string[]) {
  const oneOrg = z.object({ org: z.uuid().optional() });
  if (sub === 'status' || sub === 'rotate-master') {
    const input = parse(oneOrg, flags(args, ['org']));
    await withDeps(async (deps) => {
      if (sub === 'status') return print(await keyStatus(deps, input.org));
      if (input.org) await keyOrgs(deps, input.org);
      print(await rotateMaster(deps, { orgId: input.org, onProgress: showProgress }));
    });
    return;
  }
  const input = parse(
    oneOrg
      .extend({ all: z.literal('true').optional(), 'destroy-retired': z.literal('true').optional() })
      .refine((v) => Boolean(v.org) !== Boolean(v.all), { message: 'give --org ID or --all', path: ['org'] }),
    flags(args, ['org'], sub === 'rotate-org' ? ['all', 'destroy-retired'] : ['all']),
  );
  await withDeps(async (deps) => {
    const orgs = [];
    for (const orgId of await keyOrgs(deps, input.org)) {
      orgs.push(
        sub === 'rotate-org'
          ? await rotateOrg(deps, orgId, {
              destroyRetired: Boolean(input['destroy-retired']),
              onProgress: showProgress,
            })
          : { orgId, ...(await destroyRetired(deps, orgId, { onProgress: showProgress })) },
      );
    }
    print({ orgs });
  });
}

type BackupCommand = 'create' | 'verify' | 'restore' | 'keys';

/** FILE then options: `backup verify FILE`, `backup restore FILE --keys K`. */
function fileAndFlags(args: string[], allowed: string[]): { file: string; f: Record<string, string> } {
  const [file, ...rest] = args;
  if (!file || file.startsWith('--')) throw new UsageError('name the backup FILE');
  return { file, f: flags(rest, allowed) };
}

async function backup(sub: BackupCommand, args: string[]) {
  if (sub === 'verify') {
    const { file } = fileAndFlags(args, []);
    print(
      await verifyBackup(file, loadConfig().backupKeys).then(({ manifest, ...rest }) => ({
        ...rest,
        totals: manifest.totals,
        missingBlobs: manifest.missingBlobs.length,
      })),
    );
    return;
  }
  if (sub === 'restore') {
    const { file, f } = fileAndFlags(args, ['keys']);
    await withDeps(async (deps) => {
      const report = await restoreBackup(deps, file, f.keys ?? null);
      if (!f.keys)
        process.stderr.write('deedbox: restored without --keys: documents open only once the key store is loaded\n');
      print(report);
    });
    return;
  }
  const f = flags(args, ['out']);
  if (sub === 'keys') {
    if (!f.out) throw new UsageError('--out FILE is required');
    await withDeps(async (deps) => print(await writeKeySnapshot(deps, f.out!)));
    return;
  }
  const out = f.out ?? `deedbox-${new Date().toISOString().replace(/[:.]/g, '-')}.backup`;
  await withDeps(async (deps) => {
    const result = await writeBackup(deps, fileSink(out));
    print({
      file: out,
      size: result.size,
      sha256: result.sha256,
      durationMs: result.durationMs,
      totals: result.manifest.totals,
      missingBlobs: result.manifest.missingBlobs,
    });
  });
}

async function worker() {
  const config = loadConfig();
  const jobs = workerJobs(config);
  const database = await openDatabase(config);
  const { pino } = await import('pino');
  const log = pino(loggerOptions(config.logLevel));
  const mailer = createMailer(config.mail, log);
  const blobs = await createBlobStore(config.storage);
  await database.migrate();
  await requireMasterKeys(database, config);
  const running = startWorker(
    { config, database, mailer, log, blobs, sms: createSmsSender(config.sms, log) },
    { jobs },
  );
  log.info({ jobs: jobs.map((j) => j.name) }, 'worker started');
  const stop = async () => {
    await running.stop();
    await blobs.close();
    mailer.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

async function serve() {
  const config = loadConfig();
  const server = await startServer(config);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    server.app.log.info({ signal }, 'shutting down: draining requests');
    const timer = setTimeout(() => process.exit(1), config.shutdownGraceMs).unref();
    await server.stop();
    clearTimeout(timer);
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

export async function run(argv: string[]): Promise<number> {
  const [command = 'serve', sub, ...rest] = argv;
  try {
    switch (`${command} ${['serve', 'migrate', 'worker', 'jobs'].includes(command) ? '' : (sub ?? '')}`.trim()) {
      case 'serve':
        await serve();
        return -1;
      case 'worker':
        await worker();
        return -1;
      case 'reminders run':
        return await remindersRun(rest);
      case 'approvals run':
        return await approvalsRun(rest);
      case 'signing run':
        return await signingRun(rest);
      case 'signing reseal':
        return await signingReseal(rest);
      case 'jobs':
        await listJobs([sub, ...rest].filter((a) => a !== undefined));
        return 0;
      case 'migrate':
        await withDeps(async (deps) => print({ migrated: true, applied: await deps.database.appliedMigrations() }));
        return 0;
      case 'org create':
        await orgCreate(rest);
        return 0;
      case 'org hold':
      case 'org release':
        await orgHold(sub === 'hold', rest);
        return 0;
      case 'org delete':
        return await orgDelete(rest);
      case 'retention run':
        return await retentionRun(rest);
      case 'receipts verify':
      case 'receipts public-key':
      case 'receipts list':
        return await receipts(sub as 'verify' | 'public-key' | 'list', rest);
      case 'org plan':
        await orgPlan(rest);
        return 0;
      case 'apikey create':
        await apikeyCreate(rest);
        return 0;
      case 'domain verify':
        return await domainVerify(rest);
      case 'audit verify':
        return await auditVerify(rest);
      case 'storage migrate':
        return await storageMigrate(rest);
      case 'keys status':
      case 'keys rotate-master':
      case 'keys rotate-org':
      case 'keys destroy-retired':
        await keys(sub as KeysCommand, rest);
        return 0;
      case 'backup create':
      case 'backup verify':
      case 'backup restore':
      case 'backup keys':
        await backup(sub as BackupCommand, rest);
        return 0;
      case 'documents extract':
        await documentsExtract(rest);
        return 0;
      case 'contracts refresh':
      case 'contracts purge':
        await contractsJob(sub as 'refresh' | 'purge', rest);
        return 0;
      case 'help':
      case '--help':
        process.stdout.write(`${USAGE}\n`);
        return 0;
      default:
        throw new UsageError(`unknown command "${[command, sub].filter(Boolean).join(' ')}"`);
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`deedbox: ${error.message} (see deedbox --help)\n`);
      return 2;
    }
    if (
      error instanceof ConfigError ||
      error instanceof DataDirLockedError ||
      error instanceof KeyRotationError ||
      error instanceof OrgKeyUnavailableError ||
      error instanceof JobRegistryError ||
      error instanceof OrgDeletionError ||
      error instanceof BackupError
    ) {
      process.stderr.write(`deedbox: ${error.message}\n`);
      return 1;
    }
    throw error;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const code = await run(process.argv.slice(2));
  if (code >= 0) process.exit(code);
}

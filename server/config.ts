import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { PLAN_NAMES, type Plan } from '../common/subscriptions.js';
import { type Keyring, KeyringError, parseMasterKeys } from './platform/crypto/keyring.js';
import { openSealCertificate, type SealCertificate } from './platform/crypto/signing-certificate.js';
import { E164, type SmsConfig } from './platform/sms/sms.js';

/** Where development and test keep their generated secret: beside the data it protects. */
export const SECRET_KEY_FILE = 'secret-key';
/** Likewise their generated master key (one version), when MASTER_KEYS is not given. */
export const MASTER_KEYS_FILE = 'master-keys';
const MIB = 1024 * 1024;

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const port = z.coerce.number().int().min(0).max(65535);

export const STORAGE_DRIVERS = ['local', 'azure', 's3'] as const;
export type StorageDriver = (typeof STORAGE_DRIVERS)[number];

/** What each storage driver cannot do without. */
const STORAGE_REQUIRED: Record<StorageDriver, string[]> = {
  local: [],
  azure: ['AZURE_STORAGE_CONNECTION_STRING'],
  s3: ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'],
};

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'staging', 'production']).default('development'),
  PORT: port.default(3000),
  HOST: z.string().min(1).default('localhost'),
  APP_URL: z.url().optional(),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  SECRET_KEY: z.string().min(32, 'must be at least 32 characters').optional(),
  /** Versioned master keys, `1:BASE64,2:BASE64;active=2` (keyring.ts); wrap every org key. */
  MASTER_KEYS: z.string().min(1).optional(),
  /**
   * The longest any backup copy of the database is kept (scheduled backups, pgBackRest's retention,
   * off-site copies): a deletion receipt names the day after which no backup holds the org's rows.
   */
  BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(35),
  /** Versioned backup keys, the same form as MASTER_KEYS; seal backups and key-store snapshots (docs/operations.md). */
  BACKUP_KEYS: z.string().min(1).optional(),
  /** Scheduled backups go to this folder; unset, none are taken. */
  BACKUP_DIR: z.string().min(1).optional(),
  /**
   * Key-store snapshots, one with every scheduled backup, go to this folder, which must lie outside
   * BACKUP_DIR (another disk or mount at best); unset, none are taken. Deleting an organization
   * rewrites every snapshot here without its keys.
   */
  BACKUP_KEYS_DIR: z.string().min(1).optional(),
  /**
   * Where scheduled backups and key-store snapshots go: `local` (the folders BACKUP_DIR and
   * BACKUP_KEYS_DIR), or `azure` / `s3` with the credentials of that storage driver (the variables
   * STORAGE_DRIVER reads) and containers or buckets of their own: BACKUP_CONTAINER for the backups,
   * BACKUP_KEYS_CONTAINER for the snapshots (unset: none are taken), never the documents' one.
   */
  BACKUP_STORAGE: z.enum(STORAGE_DRIVERS).default('local'),
  BACKUP_CONTAINER: z.string().min(1).optional(),
  BACKUP_KEYS_CONTAINER: z.string().min(1).optional(),
  BACKUP_INTERVAL_HOURS: z.coerce.number().int().min(1).max(720).default(24),
  /** How many scheduled backups to keep; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** Where a failed backup or restore drill is reported by mail. */
  OPERATOR_EMAIL: z.email().optional(),
  /** The largest document upload, in MiB. */
  UPLOAD_MAX_MB: z.coerce.number().int().min(1).max(10_240).default(100),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Deedbox <no-reply@deedbox.local>'),
  TLS_CERT_FILE: z.string().optional(),
  TLS_KEY_FILE: z.string().optional(),
  HTTP_REDIRECT_PORT: port.optional(),
  TRUST_PROXY: z.string().optional(),
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  RATE_LIMIT: bool.default(true),
  /** Requests a minute per API key (a key's own limit overrides it); per IP for everything else stays 600. */
  API_KEY_RATE_LIMIT: z.coerce.number().int().min(1).max(100_000).default(600),
  SCRYPT_LOG_N: z.coerce.number().int().min(10).max(20).default(15),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
  /** Whether `serve` also runs the background worker (reminders, date roll-over, purge). */
  WORKER: bool.default(true),
  STORAGE_DRIVER: z.enum(STORAGE_DRIVERS).default('local'),
  STORAGE_DIR: z.string().min(1).optional(),
  AZURE_STORAGE_CONNECTION_STRING: z.string().min(1).optional(),
  AZURE_STORAGE_CONTAINER: z
    .string()
    .regex(/^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/, 'must be 3-63 lower-case letters, digits and single hyphens')
    .default('deedbox'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/ }).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_BUCKET: z
    .string()
    .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, 'must be 3-63 lower-case letters, digits, dots and hyphens')
    .optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: bool.default(false),
  /** The jobs this process's worker runs, comma-separated (`deedbox jobs` lists them); default all. */
  WORKER_JOBS: z
    .string()
    .regex(/^\s*[a-z0-9.-]+(\s*,\s*[a-z0-9.-]+)*\s*$/, 'must be job names separated by commas')
    .optional(),
  /** E-mail-in (the contract inbox): the SMTP port `serve` listens on; unset, no mail is received. */
  INBOUND_SMTP_PORT: port.optional(),
  /** Default 127.0.0.1 in development and test, 0.0.0.0 otherwise. */
  INBOUND_SMTP_HOST: z.string().min(1).optional(),
  /** The domain of the inbox addresses (its MX record points at this listener); required with the port. */
  INBOUND_MAIL_DOMAIN: z
    .string()
    .regex(
      /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/i,
      'must be a domain name such as in.example.com',
    )
    .optional(),
  /** The largest whole message (attachments as sent, base64 included), in MiB. */
  INBOUND_MAX_MB: z.coerce.number().int().min(1).max(1_024).default(25),
  INBOUND_RATE_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(30),
  INBOUND_RATE_PER_INBOX_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(200),
  /** Webhook endpoints on private, loopback, link-local or unique-local addresses; default only outside production and staging. */
  WEBHOOK_ALLOW_PRIVATE: bool.optional(),
  /** Webhook endpoints must be https://; default in production and staging. */
  WEBHOOK_REQUIRE_HTTPS: bool.optional(),
  /** How long a webhook receiver has to answer, in milliseconds. */
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(10_000),
  /** Text messages for SMS sign-in codes: `twilio`, or `none` (SMS codes are then not offered). */
  SMS_PROVIDER: z.enum(['none', 'twilio']).default('none'),
  TWILIO_ACCOUNT_SID: z
    .string()
    .regex(/^AC[0-9a-fA-F]{32}$/, 'must be AC followed by 32 hexadecimal digits')
    .optional(),
  TWILIO_AUTH_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  TWILIO_FROM: z.string().regex(E164, 'must be a phone number in international format, such as +4930901820').optional(),
  TWILIO_MESSAGING_SERVICE_SID: z
    .string()
    .regex(/^MG[0-9a-fA-F]{32}$/, 'must be MG followed by 32 hexadecimal digits')
    .optional(),
  /** Twilio's API; changed only to point tests at a stand-in. */
  TWILIO_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.twilio.com'),
  /** A new organization's trial: how long, and which plan's seat limit it has meanwhile. */
  TRIAL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  TRIAL_PLAN: z.enum(PLAN_NAMES).default('starter'),
  /** Months a cancelled organization's data is kept after it turned read-only. */
  RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(18),
  /** Days between an administrator's deletion request and the deletion, while any administrator may cancel it. */
  DELETION_GRACE_DAYS: z.coerce.number().int().min(1).max(90).default(7),
  /** Stripe (optional): the webhook signing secret, `whsec_…`. */
  STRIPE_WEBHOOK_SECRET: z
    .string()
    .regex(/^whsec_\S{8,}$/, 'must be the endpoint secret, whsec_…')
    .optional(),
  /** Payment Links per plan, `team=https://buy.stripe.com/…,business=https://…`. */
  STRIPE_PAYMENT_LINKS: z.string().min(1).optional(),
  /** The customer portal's login link. */
  STRIPE_PORTAL_URL: z.url({ protocol: /^https$/ }).optional(),
  /** Which plan each Stripe price is, `price_123=team,price_456=business`. */
  STRIPE_PRICES: z.string().min(1).optional(),
  /** The trust page (/trust): who hosts this deployment, and where its data lives, in the operator's words. */
  TRUST_HOSTING: z.string().trim().min(1).max(300).optional(),
  TRUST_DATA_RESIDENCY: z.string().trim().min(1).max(300).optional(),
  /** Sub-processors beyond the configured adapters, a JSON list of {name, purpose, location?, url?}. */
  TRUST_SUBPROCESSORS: z.string().trim().min(1).optional(),
  /** The summary `scripts/scan.mjs` wrote for this build (SCAN_REPORT_DIR/scan.json); unset: not recorded. */
  TRUST_SCAN_SUMMARY: z.string().min(1).optional(),
  /** The seal of signed documents: a PKCS#12 file (one key and its certificate) and its passphrase. */
  SIGNING_P12_FILE: z.string().min(1).optional(),
  SIGNING_P12_PASSPHRASE: z.string().optional(),
  /** The signer's name in the seal (readers show it); default: the host of APP_URL. */
  SIGNING_NAME: z.string().trim().min(1).max(200).optional(),
});

/** One TRUST_SUBPROCESSORS entry; an entry named like an adapter's (Stripe, Twilio…) completes that one. */
const configuredSubProcessor = z.strictObject({
  name: z.string().trim().min(1).max(100),
  purpose: z.string().trim().min(1).max(300),
  location: z.string().trim().min(1).max(100).optional(),
  url: z
    .url({ protocol: /^https$/ })
    .max(500)
    .optional(),
});
export type ConfiguredSubProcessor = z.infer<typeof configuredSubProcessor>;

type Env = z.infer<typeof envSchema>;

/** Where document blobs live (with DATA_DIR=:memory:, locally in a fresh temporary folder). */
export type StorageConfig =
  | { driver: 'local'; dir: string }
  | { driver: 'azure'; connectionString: string; container: string }
  | {
      driver: 's3';
      endpoint: string | null;
      region: string;
      bucket: string;
      accessKeyId: string;
      secretAccessKey: string;
      forcePathStyle: boolean;
    };

export type Config = Readonly<{
  env: 'development' | 'test' | 'staging' | 'production';
  port: number;
  host: string;
  appUrl: string;
  database: { kind: 'postgres'; url: string; poolMax: number } | { kind: 'pglite'; dataDir: string | null };
  secretKey: string;
  masterKeys: Keyring;
  backupRetentionDays: number;
  /** Null when BACKUP_KEYS is not set: the backup commands then refuse to run. */
  backupKeys: Keyring | null;
  /** Scheduled backups and restore drills (server/features/backup/backup.jobs.ts); dir null: none. */
  backup: {
    /** Where scheduled backups go (a folder: driver local); null: none are taken. */
    data: StorageConfig | null;
    /** Key-store snapshots (backup.keys.ts), apart from data; null: none are taken. */
    keys: StorageConfig | null;
    intervalHours: number;
    keep: number;
    operatorEmail: string | null;
  };
  storage: StorageConfig;
  uploadMaxBytes: number;
  mail: { smtpUrl: string | null; from: string; devOutbox: boolean };
  sms: SmsConfig;
  tls: { cert: Buffer; key: Buffer; redirectPort: number | null } | null;
  trustProxy: boolean | string | number;
  metricsToken: string | null;
  logLevel: string;
  rateLimit: boolean;
  apiKeyRateLimit: number;
  scryptLogN: number;
  shutdownGraceMs: number;
  worker: boolean;
  /** Null: every registered job. */
  workerJobs: readonly string[] | null;
  inbox: InboxConfig;
  /** Where and how webhooks are sent (server/features/webhooks, docs/operations.md). */
  webhooks: { allowPrivate: boolean; requireHttps: boolean; timeoutMs: number };
  subscriptions: SubscriptionsConfig;
  trust: TrustConfig;
  signing: SigningConfig;
}>;

/** What the trust page shows beyond what the other settings already say. */
export type TrustConfig = {
  hosting: string | null;
  dataResidency: string | null;
  subProcessors: readonly ConfiguredSubProcessor[];
  /** Absolute path of the scan summary; null: the page says "not recorded". */
  scanSummaryFile: string | null;
};

/**
 * The seal of signed documents: the configured certificate (opened and checked at start), a development
 * seal made on first use in `dir` (in memory for DATA_DIR=:memory:), or none — production without
 * SIGNING_P12_FILE, where documents cannot be sent for signing.
 */
export type SigningSeal =
  | { kind: 'configured'; certificate: SealCertificate }
  | { kind: 'development'; dir: string | null }
  | { kind: 'none' };
export type SigningConfig = { name: string } & SigningSeal;

export type SubscriptionsConfig = {
  trialDays: number;
  trialPlan: Plan;
  retentionMonths: number;
  deletionGraceDays: number;
  /** Null: no Stripe; plans are managed with `deedbox org plan`. */
  stripe: {
    webhookSecret: string | null;
    paymentLinks: Readonly<Partial<Record<Plan, string>>>;
    portalUrl: string | null;
    /** Stripe price id → plan. */
    prices: Readonly<Record<string, Plan>>;
  };
};

export type InboxConfig = {
  /** Inbox addresses are shown at this domain; null: this installation receives no mail. */
  domain: string | null;
  /** The SMTP listener `serve` starts; null when INBOUND_SMTP_PORT is not set. */
  smtp: {
    host: string;
    port: number;
    maxMessageBytes: number;
    rateLimit: { perIpPerMinute: number; perInboxPerHour: number };
  } | null;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

function parseTrustProxy(value: string | undefined): boolean | string | number {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

function readFile(name: string, file: string, problems: string[]): Buffer {
  try {
    return readFileSync(file);
  } catch {
    problems.push(`${name}: cannot read file ${file}`);
    return Buffer.alloc(0);
  }
}

function signingSeal(e: Env, generate: boolean, problems: string[]): SigningSeal {
  if (e.SIGNING_P12_FILE) {
    const p12 = readFile('SIGNING_P12_FILE', e.SIGNING_P12_FILE, problems);
    if (p12.length === 0) return { kind: 'none' };
    try {
      return { kind: 'configured', certificate: openSealCertificate(p12, e.SIGNING_P12_PASSPHRASE ?? '') };
    } catch (error) {
      problems.push(`SIGNING_P12_FILE: ${error instanceof Error ? error.message : String(error)}`);
      return { kind: 'none' };
    }
  }
  if (!generate) return { kind: 'none' };
  return { kind: 'development', dir: e.DATA_DIR === ':memory:' ? null : path.resolve(e.DATA_DIR) };
}

/** Rules across variables, checked on the raw values so they are reported beside format problems. */
function combinationProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const production = env.NODE_ENV === 'production';
  const hasTls = Boolean(env.TLS_CERT_FILE && env.TLS_KEY_FILE);
  if (!env.SECRET_KEY && env.NODE_ENV !== undefined && !['development', 'test'].includes(env.NODE_ENV)) {
    problems.push(`SECRET_KEY: required in ${env.NODE_ENV} (32+ random characters)`);
  }
  if (Boolean(env.TLS_CERT_FILE) !== Boolean(env.TLS_KEY_FILE)) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE: give both or neither');
  }
  if (production && !hasTls && parseTrustProxy(env.TRUST_PROXY) === false) {
    problems.push('TLS_CERT_FILE/TLS_KEY_FILE: production needs TLS, or TRUST_PROXY naming a TLS-terminating proxy');
  }
  if (!env.MASTER_KEYS && env.NODE_ENV !== undefined && !['development', 'test'].includes(env.NODE_ENV)) {
    problems.push(
      `MASTER_KEYS: required in ${env.NODE_ENV} (VERSION:BASE64 of 32 random bytes, e.g. 1:$(openssl rand -base64 32))`,
    );
  }
  if (production && !env.SMTP_URL) problems.push('SMTP_URL: required in production');
  if (env.SMS_PROVIDER === 'twilio') {
    if (!env.TWILIO_ACCOUNT_SID || !env.TWILIO_AUTH_TOKEN) {
      problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: required with SMS_PROVIDER=twilio');
    }
    if (!env.TWILIO_FROM === !env.TWILIO_MESSAGING_SERVICE_SID) {
      problems.push('TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID: give exactly one with SMS_PROVIDER=twilio');
    }
    if (production && env.TWILIO_API_URL && !env.TWILIO_API_URL.startsWith('https://')) {
      problems.push('TWILIO_API_URL: must be https:// in production');
    }
  }
  if (env.INBOUND_SMTP_PORT !== undefined && !env.INBOUND_MAIL_DOMAIN) {
    problems.push('INBOUND_MAIL_DOMAIN: required with INBOUND_SMTP_PORT (the domain whose MX points here)');
  }
  problems.push(...backupProblems(env));
  if (env.HTTP_REDIRECT_PORT !== undefined && !hasTls) {
    problems.push('HTTP_REDIRECT_PORT: only meaningful with TLS_CERT_FILE and TLS_KEY_FILE');
  }
  const driver = env.STORAGE_DRIVER ?? 'local';
  for (const name of STORAGE_REQUIRED[driver as StorageDriver] ?? []) {
    if (!env[name]) problems.push(`${name}: required when STORAGE_DRIVER=${driver}`);
  }
  return problems;
}

/** Where scheduled backups and key-store snapshots go: folders, or containers of a storage driver. */
function backupProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const driver = env.BACKUP_STORAGE ?? 'local';
  const [data, keys] =
    driver === 'local' ? ['BACKUP_DIR', 'BACKUP_KEYS_DIR'] : ['BACKUP_CONTAINER', 'BACKUP_KEYS_CONTAINER'];
  const other = driver === 'local' ? ['BACKUP_CONTAINER', 'BACKUP_KEYS_CONTAINER'] : ['BACKUP_DIR', 'BACKUP_KEYS_DIR'];
  for (const name of other) {
    if (env[name])
      problems.push(`${name}: not used with BACKUP_STORAGE=${driver} (use ${name === other[0] ? data : keys})`);
  }
  if (env[data] && !env.BACKUP_KEYS) problems.push(`BACKUP_KEYS: required with ${data} (backups are sealed with it)`);
  if (env[keys] && !env.BACKUP_KEYS) {
    problems.push(`BACKUP_KEYS: required with ${keys} (key-store snapshots are sealed with it)`);
  }
  if (driver === 'local') {
    if (env.BACKUP_KEYS_DIR && env.BACKUP_DIR && overlaps(env.BACKUP_KEYS_DIR, env.BACKUP_DIR)) {
      problems.push(
        'BACKUP_KEYS_DIR: must lie outside BACKUP_DIR (key-store snapshots are kept apart from data backups)',
      );
    }
    return problems;
  }
  if (!(STORAGE_DRIVERS as readonly string[]).includes(driver)) return problems;
  if (!env.BACKUP_CONTAINER) problems.push(`BACKUP_CONTAINER: required with BACKUP_STORAGE=${driver}`);
  for (const name of STORAGE_REQUIRED[driver as StorageDriver].filter((n) => n !== 'S3_BUCKET')) {
    if (!env[name]) problems.push(`${name}: required when BACKUP_STORAGE=${driver}`);
  }
  const shape = driver === 'azure' ? envSchema.shape.AZURE_STORAGE_CONTAINER : envSchema.shape.S3_BUCKET;
  const documents =
    env.STORAGE_DRIVER === driver
      ? driver === 'azure'
        ? (env.AZURE_STORAGE_CONTAINER ?? 'deedbox')
        : env.S3_BUCKET
      : null;
  for (const name of [data, keys] as const) {
    const value = env[name];
    if (!value) continue;
    const parsed = shape.safeParse(value);
    if (!parsed.success) problems.push(`${name}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    if (value === documents) problems.push(`${name}: must not be the documents' container or bucket`);
  }
  if (env[keys] && env[keys] === env[data]) {
    problems.push(`${keys}: must differ from ${data} (key-store snapshots are kept apart from data backups)`);
  }
  return problems;
}

/** Whether one folder is the other or lies inside it. */
function overlaps(a: string, b: string): boolean {
  const [x, y] = [path.resolve(a), path.resolve(b)];
  const inside = (inner: string, outer: string) => !path.relative(outer, inner).startsWith('..');
  return inside(x, y) || inside(y, x);
}

function storageConfig(e: Env): StorageConfig {
  switch (e.STORAGE_DRIVER) {
    case 'local': {
      if (e.STORAGE_DIR) return { driver: 'local', dir: path.resolve(e.STORAGE_DIR) };
      if (e.DATA_DIR === ':memory:')
        return { driver: 'local', dir: mkdtempSync(path.join(os.tmpdir(), 'deedbox-blobs-')) };
      return { driver: 'local', dir: path.resolve(e.DATA_DIR, 'blobs') };
    }
    case 'azure':
      return {
        driver: 'azure',
        connectionString: e.AZURE_STORAGE_CONNECTION_STRING!,
        container: e.AZURE_STORAGE_CONTAINER,
      };
    case 's3':
      return {
        driver: 's3',
        endpoint: e.S3_ENDPOINT ?? null,
        region: e.S3_REGION,
        bucket: e.S3_BUCKET!,
        accessKeyId: e.S3_ACCESS_KEY_ID!,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY!,
        forcePathStyle: e.S3_FORCE_PATH_STYLE,
      };
  }
}

/** A folder (BACKUP_STORAGE=local) or a container of the backup storage driver, with that driver's credentials. */
function backupPlace(e: Env, dir: string | undefined, container: string | undefined): StorageConfig | null {
  if (e.BACKUP_STORAGE === 'local') return dir ? { driver: 'local', dir: path.resolve(dir) } : null;
  if (!container) return null;
  return storageConfig({
    ...e,
    STORAGE_DRIVER: e.BACKUP_STORAGE,
    AZURE_STORAGE_CONTAINER: container,
    S3_BUCKET: container,
  });
}

/**
 * Development and test without SECRET_KEY or MASTER_KEYS: a random value kept in the data directory
 * (made once, readable by its owner only), so links, feed URLs and sealed files survive a restart but
 * no two installations share a key. An in-memory database gets one of its own.
 */
function generatedSecret(dataDir: string, name: string, make: () => string): string {
  if (dataDir === ':memory:') return make();
  const dir = path.resolve(dataDir);
  const file = path.join(dir, name);
  mkdirSync(dir, { recursive: true });
  // Written aside and linked into place, so a second process starting at once reads a whole key.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, make(), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(file, 'utf8').trim();
}

/** A keyring (MASTER_KEYS, BACKUP_KEYS); a malformed list is a configuration problem that names the entry, never the key. */
function masterKeys(text: string, problems: string[], name = 'MASTER_KEYS'): Keyring | null {
  try {
    return parseMasterKeys(text);
  } catch (error) {
    if (!(error instanceof KeyringError)) throw error;
    problems.push(`${name}: ${name === 'MASTER_KEYS' ? error.message : error.message.replace(/^master keys: /, '')}`);
    return null;
  }
}

/** The only reader of the environment: validates everything at once and lists every problem. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  problems.push(...combinationProblems(env));
  if (!parsed.success) throw new ConfigError(problems);
  const e = parsed.data;
  const production = e.NODE_ENV === 'production';
  const trustProxy = parseTrustProxy(e.TRUST_PROXY);
  const hasTls = Boolean(e.TLS_CERT_FILE && e.TLS_KEY_FILE);
  const tls = hasTls
    ? {
        cert: readFile('TLS_CERT_FILE', e.TLS_CERT_FILE!, problems),
        key: readFile('TLS_KEY_FILE', e.TLS_KEY_FILE!, problems),
        redirectPort: e.HTTP_REDIRECT_PORT ?? null,
      }
    : null;
  const generateKeys = ['development', 'test'].includes(e.NODE_ENV);
  const keyText =
    e.MASTER_KEYS ??
    (generateKeys
      ? generatedSecret(e.DATA_DIR, MASTER_KEYS_FILE, () => `1:${randomBytes(32).toString('base64')}`)
      : '');
  const keyring = keyText ? masterKeys(keyText, problems) : null;
  const backupKeys = e.BACKUP_KEYS ? masterKeys(e.BACKUP_KEYS, problems, 'BACKUP_KEYS') : null;
  const stripe = stripeConfig(e, problems);
  const subProcessors = subProcessorList(e.TRUST_SUBPROCESSORS, problems);
  const seal = signingSeal(e, generateKeys, problems);
  if (problems.length > 0 || !keyring) throw new ConfigError(problems);

  const scheme = hasTls ? 'https' : 'http';
  const appUrl = (e.APP_URL ?? `${scheme}://localhost:${e.PORT}`).replace(/\/+$/, '');
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    appUrl,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL, poolMax: e.DB_POOL_MAX }
      : { kind: 'pglite', dataDir: e.DATA_DIR === ':memory:' ? null : path.resolve(e.DATA_DIR) },
    secretKey:
      e.SECRET_KEY ?? generatedSecret(e.DATA_DIR, SECRET_KEY_FILE, () => randomBytes(32).toString('base64url')),
    masterKeys: keyring,
    backupRetentionDays: e.BACKUP_RETENTION_DAYS,
    backupKeys,
    backup: {
      data: backupPlace(e, e.BACKUP_DIR, e.BACKUP_CONTAINER),
      keys: backupPlace(e, e.BACKUP_KEYS_DIR, e.BACKUP_KEYS_CONTAINER),
      intervalHours: e.BACKUP_INTERVAL_HOURS,
      keep: e.BACKUP_KEEP,
      operatorEmail: e.OPERATOR_EMAIL ?? null,
    },
    storage: storageConfig(e),
    uploadMaxBytes: e.UPLOAD_MAX_MB * MIB,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM, devOutbox: !e.SMTP_URL && !production },
    sms: smsConfig(e),
    tls,
    trustProxy,
    metricsToken: e.METRICS_TOKEN ?? null,
    logLevel: e.LOG_LEVEL,
    rateLimit: e.RATE_LIMIT,
    apiKeyRateLimit: e.API_KEY_RATE_LIMIT,
    scryptLogN: production ? Math.max(e.SCRYPT_LOG_N, 15) : e.SCRYPT_LOG_N,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    worker: e.WORKER,
    workerJobs: e.WORKER_JOBS ? Object.freeze(e.WORKER_JOBS.split(',').map((name) => name.trim())) : null,
    inbox: {
      domain: e.INBOUND_MAIL_DOMAIN?.toLowerCase() ?? null,
      smtp:
        e.INBOUND_SMTP_PORT === undefined
          ? null
          : {
              host: e.INBOUND_SMTP_HOST ?? (production || e.NODE_ENV === 'staging' ? '0.0.0.0' : '127.0.0.1'),
              port: e.INBOUND_SMTP_PORT,
              maxMessageBytes: e.INBOUND_MAX_MB * MIB,
              rateLimit: {
                perIpPerMinute: e.INBOUND_RATE_PER_IP_PER_MINUTE,
                perInboxPerHour: e.INBOUND_RATE_PER_INBOX_PER_HOUR,
              },
            },
    },
    webhooks: {
      allowPrivate: e.WEBHOOK_ALLOW_PRIVATE ?? ['development', 'test'].includes(e.NODE_ENV),
      requireHttps: e.WEBHOOK_REQUIRE_HTTPS ?? !['development', 'test'].includes(e.NODE_ENV),
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    subscriptions: {
      trialDays: e.TRIAL_DAYS,
      trialPlan: e.TRIAL_PLAN,
      retentionMonths: e.RETENTION_MONTHS,
      deletionGraceDays: e.DELETION_GRACE_DAYS,
      stripe,
    },
    trust: {
      hosting: e.TRUST_HOSTING ?? null,
      dataResidency: e.TRUST_DATA_RESIDENCY ?? null,
      subProcessors,
      scanSummaryFile: e.TRUST_SCAN_SUMMARY ? path.resolve(e.TRUST_SCAN_SUMMARY) : null,
    },
    signing: { ...seal, name: e.SIGNING_NAME ?? new URL(appUrl).host },
  } satisfies Config);
}

/** `key=value,key=value` lists whose keys or values must be plans; each bad entry is a problem. */
function planList(name: string, text: string | undefined, problems: string[], planSide: 'key' | 'value') {
  const out: [string, string][] = [];
  for (const entry of (text ?? '').split(',').filter((x) => x.trim() !== '')) {
    const [key, value] = entry.split(/=(.*)/s).map((x) => x.trim()) as [string, string | undefined];
    const plan = planSide === 'key' ? key : value;
    if (!key || !value || !(PLAN_NAMES as string[]).includes(plan ?? '')) {
      problems.push(
        `${name}: "${entry.trim()}" is not ${planSide === 'key' ? 'plan=URL' : 'price_id=plan'} (plans: ${PLAN_NAMES.join(', ')})`,
      );
      continue;
    }
    out.push([key, value]);
  }
  return out;
}

function stripeConfig(e: Env, problems: string[]): SubscriptionsConfig['stripe'] {
  const links = planList('STRIPE_PAYMENT_LINKS', e.STRIPE_PAYMENT_LINKS, problems, 'key');
  for (const [plan, url] of links) {
    if (!/^https:\/\/\S+$/.test(url))
      problems.push(`STRIPE_PAYMENT_LINKS: the link for ${plan} must be an https:// URL`);
  }
  return Object.freeze({
    webhookSecret: e.STRIPE_WEBHOOK_SECRET ?? null,
    paymentLinks: Object.freeze(Object.fromEntries(links)),
    portalUrl: e.STRIPE_PORTAL_URL ?? null,
    prices: Object.freeze(Object.fromEntries(planList('STRIPE_PRICES', e.STRIPE_PRICES, problems, 'value'))) as Record<
      string,
      Plan
    >,
  });
}

/** TRUST_SUBPROCESSORS: a JSON list; each bad entry is a problem naming its position and field. */
function subProcessorList(text: string | undefined, problems: string[]): readonly ConfiguredSubProcessor[] {
  if (!text) return Object.freeze([]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    problems.push('TRUST_SUBPROCESSORS: must be a JSON list of {"name", "purpose", "location", "url"}');
    return [];
  }
  const parsed = z.array(configuredSubProcessor).max(50).safeParse(value);
  if (!parsed.success) {
    for (const issue of parsed.error.issues)
      problems.push(`TRUST_SUBPROCESSORS.${issue.path.join('.')}: ${issue.message}`);
    return [];
  }
  return Object.freeze(parsed.data.map((entry) => Object.freeze(entry)));
}

function smsConfig(e: Env): SmsConfig {
  if (e.SMS_PROVIDER === 'none') return { provider: 'none' };
  return {
    provider: 'twilio',
    apiUrl: e.TWILIO_API_URL.replace(/\/+$/, ''),
    accountSid: e.TWILIO_ACCOUNT_SID!,
    authToken: e.TWILIO_AUTH_TOKEN!,
    from: e.TWILIO_FROM ? { number: e.TWILIO_FROM } : { messagingServiceSid: e.TWILIO_MESSAGING_SERVICE_SID! },
  };
}

/** The storage the same environment configures with another driver: the target of `deedbox storage migrate`. */
export function loadStorageConfig(
  driver: StorageDriver,
  env: Record<string, string | undefined> = process.env,
): StorageConfig {
  return loadConfig({ ...env, STORAGE_DRIVER: driver }).storage;
}

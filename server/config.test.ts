import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { type ConfigError, loadConfig, loadStorageConfig, MASTER_KEYS_FILE, SECRET_KEY_FILE } from './config.js';
import { problemsOf } from './test/config-problems.js';

const SECRET = 'k'.repeat(40);
const MASTER = `1:${Buffer.alloc(32, 7).toString('base64')}`;
const productionBase = {
  NODE_ENV: 'production',
  SECRET_KEY: SECRET,
  MASTER_KEYS: MASTER,
  SMTP_URL: 'smtp://mail.example.com:587',
};

describe('loadConfig', () => {
  it('lists every production problem in one error', () => {
    const problems = problemsOf({ NODE_ENV: 'production' });
    expect(problems).toHaveLength(4);
    expect(problems.find((p) => p.startsWith('SECRET_KEY:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('MASTER_KEYS:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('TLS_CERT_FILE/TLS_KEY_FILE:'))).toBeDefined();
    expect(problems.find((p) => p.startsWith('SMTP_URL:'))).toBeDefined();
  });

  it('reads subscriptions and Stripe: defaults, links and prices by plan, and names each bad entry', () => {
    const defaults = loadConfig({ NODE_ENV: 'test', DATA_DIR: ':memory:' }).subscriptions;
    expect(defaults).toEqual({
      trialDays: 30,
      trialPlan: 'starter',
      retentionMonths: 18,
      deletionGraceDays: 7,
      stripe: { webhookSecret: null, paymentLinks: {}, portalUrl: null, prices: {} },
    });
    const stripe = loadConfig({
      NODE_ENV: 'test',
      DATA_DIR: ':memory:',
      STRIPE_WEBHOOK_SECRET: 'whsec_0123456789',
      STRIPE_PAYMENT_LINKS: 'team=https://buy.stripe.com/t, business=https://buy.stripe.com/b',
      STRIPE_PRICES: 'price_1=team,price_2=business',
    }).subscriptions.stripe;
    expect(stripe.paymentLinks).toEqual({ team: 'https://buy.stripe.com/t', business: 'https://buy.stripe.com/b' });
    expect(stripe.prices).toEqual({ price_1: 'team', price_2: 'business' });
    const problems = problemsOf({
      NODE_ENV: 'test',
      DATA_DIR: ':memory:',
      STRIPE_WEBHOOK_SECRET: 'sk_live_nope',
      STRIPE_PAYMENT_LINKS: 'gold=https://buy.stripe.com/g,team=http://buy.stripe.com/t',
      STRIPE_PRICES: 'price_1',
      TRIAL_PLAN: 'gold',
      RETENTION_MONTHS: '0',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'RETENTION_MONTHS',
      'STRIPE_WEBHOOK_SECRET',
      'TRIAL_PLAN',
    ]);
    const entries = problemsOf({
      NODE_ENV: 'test',
      DATA_DIR: ':memory:',
      STRIPE_PAYMENT_LINKS: 'gold=https://buy.stripe.com/g,team=http://buy.stripe.com/t',
      STRIPE_PRICES: 'price_1',
    });
    expect(entries).toEqual([
      expect.stringContaining('STRIPE_PAYMENT_LINKS: "gold=https://buy.stripe.com/g" is not plan=URL'),
      'STRIPE_PAYMENT_LINKS: the link for team must be an https:// URL',
      expect.stringContaining('STRIPE_PRICES: "price_1" is not price_id=plan'),
    ]);
  });

  it('lists every malformed variable in one error', () => {
    const problems = problemsOf({ PORT: 'eighty', METRICS_TOKEN: 'short', LOG_LEVEL: 'chatty' });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual(['LOG_LEVEL', 'METRICS_TOKEN', 'PORT']);
  });

  it('needs SECRET_KEY everywhere but development and test', () => {
    for (const env of ['staging', 'production']) {
      expect(
        problemsOf({ NODE_ENV: env, TRUST_PROXY: 'true', SMTP_URL: 'smtp://mail.example.com', MASTER_KEYS: MASTER }),
      ).toEqual([`SECRET_KEY: required in ${env} (32+ random characters)`]);
    }
  });

  it('reads BACKUP_KEYS like MASTER_KEYS, and needs them for scheduled backups', () => {
    const base = { ...productionBase, TRUST_PROXY: 'true' };
    const backupKeys = `2:${Buffer.alloc(32, 9).toString('base64')}`;
    const config = loadConfig({ ...base, BACKUP_KEYS: backupKeys, BACKUP_DIR: '/var/backups/deedbox' });
    expect(config.backupKeys?.activeVersion).toBe(2);
    expect(config.backup).toEqual({
      data: { driver: 'local', dir: '/var/backups/deedbox' },
      keys: null,
      intervalHours: 24,
      keep: 7,
      operatorEmail: null,
    });
    const withKeys = { ...base, BACKUP_KEYS: backupKeys, BACKUP_DIR: '/var/backups/deedbox' };
    expect(loadConfig({ ...withKeys, BACKUP_KEYS_DIR: '/srv/keys/deedbox/' }).backup.keys).toEqual({
      driver: 'local',
      dir: '/srv/keys/deedbox',
    });
    // Key-store snapshots lie apart from the data backups: not the same folder, not inside it, not around it.
    for (const inside of ['/var/backups/deedbox', '/var/backups/deedbox/keys', '/var/backups']) {
      expect(problemsOf({ ...withKeys, BACKUP_KEYS_DIR: inside }), inside).toEqual([
        'BACKUP_KEYS_DIR: must lie outside BACKUP_DIR (key-store snapshots are kept apart from data backups)',
      ]);
    }
    expect(problemsOf({ ...base, BACKUP_KEYS_DIR: '/srv/keys' })).toEqual([
      'BACKUP_KEYS: required with BACKUP_KEYS_DIR (key-store snapshots are sealed with it)',
    ]);
    expect(loadConfig(base).backupKeys).toBeNull();
    expect(problemsOf({ ...base, BACKUP_DIR: '/var/backups/deedbox' })).toEqual([
      'BACKUP_KEYS: required with BACKUP_DIR (backups are sealed with it)',
    ]);
    const short = Buffer.alloc(16, 9).toString('base64');
    const problems = problemsOf({ ...base, BACKUP_KEYS: `1:${short}`, BACKUP_KEEP: '0' });
    expect(problems).toEqual([expect.stringMatching(/^BACKUP_KEEP: /)]);
    expect(problemsOf({ ...base, BACKUP_KEYS: `1:${short}` })).toEqual([
      expect.stringMatching(/^BACKUP_KEYS: entry 1: key version 1 is not 32 bytes of base64/),
    ]);
  });

  it('sends scheduled backups to a storage driver: its credentials, containers of their own', () => {
    const base = { ...productionBase, TRUST_PROXY: 'true', BACKUP_KEYS: `1:${Buffer.alloc(32, 9).toString('base64')}` };
    const s3 = {
      ...base,
      BACKUP_STORAGE: 's3',
      S3_ENDPOINT: 'https://s3.example.com',
      S3_ACCESS_KEY_ID: 'id',
      S3_SECRET_ACCESS_KEY: 'secret',
      BACKUP_CONTAINER: 'deedbox-backups',
      BACKUP_KEYS_CONTAINER: 'deedbox-key-snapshots',
    };
    const { data, keys } = loadConfig(s3).backup;
    expect(data).toMatchObject({ driver: 's3', bucket: 'deedbox-backups', endpoint: 'https://s3.example.com' });
    expect(keys).toMatchObject({ driver: 's3', bucket: 'deedbox-key-snapshots', accessKeyId: 'id' });
    const azure = { ...base, BACKUP_STORAGE: 'azure', AZURE_STORAGE_CONNECTION_STRING: 'UseDevelopmentStorage=true' };
    expect(loadConfig({ ...azure, BACKUP_CONTAINER: 'backups' }).backup).toMatchObject({
      data: { driver: 'azure', container: 'backups', connectionString: 'UseDevelopmentStorage=true' },
      keys: null,
    });

    expect(problemsOf({ ...azure, BACKUP_DIR: '/var/backups' })).toEqual([
      'BACKUP_DIR: not used with BACKUP_STORAGE=azure (use BACKUP_CONTAINER)',
      'BACKUP_CONTAINER: required with BACKUP_STORAGE=azure',
    ]);
    expect(problemsOf({ ...base, BACKUP_STORAGE: 's3', BACKUP_CONTAINER: 'backups' })).toEqual([
      'S3_ACCESS_KEY_ID: required when BACKUP_STORAGE=s3',
      'S3_SECRET_ACCESS_KEY: required when BACKUP_STORAGE=s3',
    ]);
    // Never the documents' container, never the same one for backups and key-store snapshots.
    expect(problemsOf({ ...azure, STORAGE_DRIVER: 'azure', BACKUP_CONTAINER: 'deedbox' })).toEqual([
      "BACKUP_CONTAINER: must not be the documents' container or bucket",
    ]);
    expect(problemsOf({ ...s3, BACKUP_KEYS_CONTAINER: 'deedbox-backups' })).toEqual([
      'BACKUP_KEYS_CONTAINER: must differ from BACKUP_CONTAINER (key-store snapshots are kept apart from data backups)',
    ]);
    expect(problemsOf({ ...azure, BACKUP_CONTAINER: 'Not_A_Container' })).toEqual([
      expect.stringMatching(/^BACKUP_CONTAINER: must be 3-63 lower-case/),
    ]);
    expect(problemsOf({ ...base, BACKUP_CONTAINER: 'backups' })).toEqual([
      'BACKUP_CONTAINER: not used with BACKUP_STORAGE=local (use BACKUP_DIR)',
    ]);
  });

  it('needs MASTER_KEYS everywhere but development and test, and names a malformed entry without its key', () => {
    const { MASTER_KEYS: _, ...withoutKeys } = productionBase;
    expect(problemsOf({ ...withoutKeys, TRUST_PROXY: 'true' })).toEqual([
      expect.stringMatching(/^MASTER_KEYS: required in production/),
    ]);
    const secret = Buffer.alloc(31, 9).toString('base64');
    const problems = problemsOf({ ...productionBase, TRUST_PROXY: 'true', MASTER_KEYS: `1:${secret}` });
    expect(problems).toEqual([expect.stringMatching(/^MASTER_KEYS: .*entry 1: key version 1 is not 32 bytes/)]);
    expect(problems.join()).not.toContain(secret);
    const two = loadConfig({
      ...productionBase,
      TRUST_PROXY: 'true',
      MASTER_KEYS: `${MASTER},2:${Buffer.alloc(32, 8).toString('base64')};active=2`,
    });
    expect(two.masterKeys.activeVersion).toBe(2);
    expect(two.masterKeys.versions).toEqual([1, 2]);
  });

  it('without MASTER_KEYS in development, keeps one random master key per data directory', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-keys-'));
    const wrapped = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }).masterKeys.wrapOrgKey(Buffer.alloc(32, 1), 'ctx');
    expect(loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }).masterKeys.unwrapOrgKey(wrapped, 'ctx')).toEqual(
      Buffer.alloc(32, 1),
    );
    expect(statSync(path.join(dir, MASTER_KEYS_FILE)).mode & 0o777).toBe(0o600);
    const other = mkdtempSync(path.join(tmpdir(), 'deedbox-keys-'));
    expect(() => loadConfig({ NODE_ENV: 'test', DATA_DIR: other }).masterKeys.unwrapOrgKey(wrapped, 'ctx')).toThrow();
  });

  it('without SECRET_KEY, keeps a random key per data directory, never a constant', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-secret-'));
    const other = mkdtempSync(path.join(tmpdir(), 'deedbox-secret-'));
    const first = loadConfig({ NODE_ENV: 'test', DATA_DIR: dir }).secretKey;
    expect(first).toMatch(/^[\w-]{43}$/);
    expect(loadConfig({ NODE_ENV: 'development', DATA_DIR: dir }).secretKey).toBe(first);
    expect(readFileSync(path.join(dir, SECRET_KEY_FILE), 'utf8')).toBe(first);
    expect(statSync(path.join(dir, SECRET_KEY_FILE)).mode & 0o777).toBe(0o600);
    expect(loadConfig({ DATA_DIR: other }).secretKey).not.toBe(first);
    const memory = loadConfig({ DATA_DIR: ':memory:' }).secretKey;
    expect(memory).not.toBe(loadConfig({ DATA_DIR: ':memory:' }).secretKey);
  });

  it('refuses a certificate without its key', () => {
    const problems = problemsOf({ TLS_CERT_FILE: '/etc/deedbox/cert.pem' });
    expect(problems).toEqual(['TLS_CERT_FILE and TLS_KEY_FILE: give both or neither']);
  });

  it('names a TLS file it cannot read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'deedbox-config-'));
    const cert = path.join(dir, 'cert.pem');
    writeFileSync(cert, 'not really a certificate');
    const problems = problemsOf({ TLS_CERT_FILE: cert, TLS_KEY_FILE: path.join(dir, 'missing.pem') });
    expect(problems).toEqual([`TLS_KEY_FILE: cannot read file ${path.join(dir, 'missing.pem')}`]);
  });

  it('refuses a redirect port without TLS', () => {
    expect(problemsOf({ HTTP_REDIRECT_PORT: '8080' })).toEqual([expect.stringMatching(/^HTTP_REDIRECT_PORT:/)]);
  });

  it('accepts production without TLS behind a trusted proxy', () => {
    const config = loadConfig({ ...productionBase, TRUST_PROXY: 'true' });
    expect(config.env).toBe('production');
    expect(config.tls).toBeNull();
    expect(config.trustProxy).toBe(true);
    expect(config.secretKey).toBe(SECRET);
    expect(config.mail.devOutbox).toBe(false);
  });

  it('parses TRUST_PROXY as a hop count or an address list', () => {
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1' }).trustProxy).toBe('10.0.0.1');
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
  });

  it('keeps scrypt at full strength in production', () => {
    expect(loadConfig({ ...productionBase, TRUST_PROXY: 'true', SCRYPT_LOG_N: '12' }).scryptLogN).toBe(15);
    expect(loadConfig({ SCRYPT_LOG_N: '12' }).scryptLogN).toBe(12);
  });

  it('has development defaults that run without any setting', () => {
    const config = loadConfig({ DATA_DIR: mkdtempSync(path.join(tmpdir(), 'deedbox-defaults-')) });
    expect(config.env).toBe('development');
    expect(config.port).toBe(3000);
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(loadConfig({}).database).toEqual({ kind: 'pglite', dataDir: path.resolve('./data') });
    expect(config.mail).toEqual({ smtpUrl: null, from: 'Deedbox <no-reply@deedbox.local>', devOutbox: true });
    expect(config.tls).toBeNull();
    expect(config.metricsToken).toBeNull();
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set, and PGlite in memory for :memory:', () => {
    const url = 'postgres://deedbox@db.internal:5432/deedbox';
    expect(loadConfig({ DATABASE_URL: url, DB_POOL_MAX: '4' }).database).toEqual({ kind: 'postgres', url, poolMax: 4 });
    expect(loadConfig({ DATA_DIR: ':memory:' }).database).toEqual({ kind: 'pglite', dataDir: null });
    expect(problemsOf({ DATABASE_URL: 'mysql://db/deedbox' })).toEqual([expect.stringMatching(/^DATABASE_URL:/)]);
  });

  it('receives no mail unless INBOUND_SMTP_PORT is set, and then needs the inbox domain', () => {
    expect(loadConfig({ DATA_DIR: ':memory:' }).inbox).toEqual({ domain: null, smtp: null });
    expect(loadConfig({ DATA_DIR: ':memory:', INBOUND_MAIL_DOMAIN: 'In.Example.com' }).inbox).toEqual({
      domain: 'in.example.com',
      smtp: null,
    });
    expect(problemsOf({ INBOUND_SMTP_PORT: '2525' })).toEqual([
      expect.stringMatching(/^INBOUND_MAIL_DOMAIN: required/),
    ]);
    expect(
      problemsOf({ INBOUND_MAIL_DOMAIN: 'not a domain', INBOUND_MAX_MB: '0' }).map((p) => p.split(':')[0]),
    ).toEqual(['INBOUND_MAIL_DOMAIN', 'INBOUND_MAX_MB']);
    const on = { INBOUND_SMTP_PORT: '2525', INBOUND_MAIL_DOMAIN: 'in.example.com' };
    expect(loadConfig({ DATA_DIR: ':memory:', ...on }).inbox.smtp).toEqual({
      host: '127.0.0.1',
      port: 2525,
      maxMessageBytes: 25 * 1024 * 1024,
      rateLimit: { perIpPerMinute: 30, perInboxPerHour: 200 },
    });
    const production = loadConfig({ ...productionBase, TRUST_PROXY: 'true', ...on, INBOUND_MAX_MB: '40' });
    expect(production.inbox.smtp).toMatchObject({ host: '0.0.0.0', maxMessageBytes: 40 * 1024 * 1024 });
  });

  it('trims a trailing slash from APP_URL', () => {
    expect(loadConfig({ APP_URL: 'https://deedbox.example.com/' }).appUrl).toBe('https://deedbox.example.com');
  });

  it('reads WORKER_JOBS as a list of job names, all jobs without it', () => {
    expect(loadConfig({}).workerJobs).toBeNull();
    expect(loadConfig({ WORKER_JOBS: 'reminders.run, documents.extract-text' }).workerJobs).toEqual([
      'reminders.run',
      'documents.extract-text',
    ]);
    expect(problemsOf({ WORKER_JOBS: 'reminders.run;rm -rf' })).toEqual([
      'WORKER_JOBS: must be job names separated by commas',
    ]);
  });
});

describe('storage configuration', () => {
  const azure = {
    DATA_DIR: ':memory:',
    STORAGE_DRIVER: 'azure',
    AZURE_STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=https;AccountName=deedbox;AccountKey=c2VjcmV0LWtleQ==',
  };
  const s3 = {
    DATA_DIR: ':memory:',
    STORAGE_DRIVER: 's3',
    S3_BUCKET: 'deedbox-documents',
    S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
    S3_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI-secret',
  };

  it('keeps blobs on local disk under DATA_DIR by default, STORAGE_DIR elsewhere, a temporary folder for :memory:', () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'deedbox-storage-'));
    expect(loadConfig({ DATA_DIR: dataDir }).storage).toEqual({ driver: 'local', dir: path.join(dataDir, 'blobs') });
    expect(loadConfig({ DATA_DIR: dataDir, STORAGE_DIR: '/srv/blobs' }).storage).toEqual({
      driver: 'local',
      dir: '/srv/blobs',
    });
    const [memory, other] = [1, 2].map(() => loadConfig({ DATA_DIR: ':memory:' }).storage);
    expect(memory).toEqual({ driver: 'local', dir: expect.stringContaining(path.join(tmpdir(), 'deedbox-blobs-')) });
    expect(other).not.toEqual(memory);
    for (const { dir } of [memory, other] as { dir: string }[]) {
      expect(statSync(dir).isDirectory()).toBe(true);
      rmSync(dir, { recursive: true });
    }
  });

  it('configures Azure with a default container, and S3 with its region, endpoint and path style', () => {
    expect(loadConfig(azure).storage).toEqual({
      driver: 'azure',
      connectionString: azure.AZURE_STORAGE_CONNECTION_STRING,
      container: 'deedbox',
    });
    expect(loadConfig(s3).storage).toEqual({
      driver: 's3',
      endpoint: null,
      region: 'us-east-1',
      bucket: 'deedbox-documents',
      accessKeyId: 'AKIAEXAMPLE',
      secretAccessKey: 'wJalrXUtnFEMI-secret',
      forcePathStyle: false,
    });
    const minio = {
      ...s3,
      S3_ENDPOINT: 'http://minio.internal:9000',
      S3_REGION: 'eu-central-1',
      S3_FORCE_PATH_STYLE: 'true',
    };
    expect(loadConfig(minio).storage).toMatchObject({
      endpoint: 'http://minio.internal:9000',
      region: 'eu-central-1',
      forcePathStyle: true,
    });
  });

  it('lists what the chosen driver lacks, and nothing for the drivers not chosen', () => {
    expect(problemsOf({ DATA_DIR: ':memory:', STORAGE_DRIVER: 'azure' })).toEqual([
      'AZURE_STORAGE_CONNECTION_STRING: required when STORAGE_DRIVER=azure',
    ]);
    expect(problemsOf({ DATA_DIR: ':memory:', STORAGE_DRIVER: 's3', S3_BUCKET: 'deedbox' })).toEqual([
      'S3_ACCESS_KEY_ID: required when STORAGE_DRIVER=s3',
      'S3_SECRET_ACCESS_KEY: required when STORAGE_DRIVER=s3',
    ]);
    expect(problemsOf({ STORAGE_DRIVER: 'dropbox' })).toEqual([expect.stringMatching(/^STORAGE_DRIVER:/)]);
    expect(loadConfig({ DATA_DIR: ':memory:', STORAGE_DIR: '/srv/blobs', S3_BUCKET: 'deedbox' }).storage.driver).toBe(
      'local',
    );
  });

  it('refuses malformed names and endpoints without repeating any secret', () => {
    const problems = problemsOf({
      ...azure,
      ...s3,
      STORAGE_DRIVER: 'azure',
      AZURE_STORAGE_CONTAINER: 'Documents_2027',
      S3_BUCKET: 'x',
      S3_ENDPOINT: 'ftp://AKIAEXAMPLE:wJalrXUtnFEMI-secret@files.example.com',
      S3_FORCE_PATH_STYLE: 'sometimes',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'AZURE_STORAGE_CONTAINER',
      'S3_BUCKET',
      'S3_ENDPOINT',
      'S3_FORCE_PATH_STYLE',
    ]);
    const text = problems.join('\n');
    expect(text).not.toContain('secret');
    expect(text).not.toContain(azure.AZURE_STORAGE_CONNECTION_STRING);
  });

  it('gives the same environment with another driver, for storage migrate', () => {
    const env = { ...s3, STORAGE_DRIVER: 'local', DATA_DIR: ':memory:' };
    expect(loadStorageConfig('s3', env)).toEqual(loadConfig(s3).storage);
    expect(() => loadStorageConfig('azure', env)).toThrow(/AZURE_STORAGE_CONNECTION_STRING: required/);
  });
});

describe('SMS provider', () => {
  const sid = `AC${'0a'.repeat(16)}`;
  it('sends no text messages by default; Twilio from a number or a Messaging Service', () => {
    expect(loadConfig({ DATA_DIR: ':memory:' }).sms).toEqual({ provider: 'none' });
    const twilio = {
      DATA_DIR: ':memory:',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: sid,
      TWILIO_AUTH_TOKEN: 'x'.repeat(32),
    };
    expect(loadConfig({ ...twilio, TWILIO_FROM: '+4930901820' }).sms).toEqual({
      provider: 'twilio',
      apiUrl: 'https://api.twilio.com',
      accountSid: sid,
      authToken: 'x'.repeat(32),
      from: { number: '+4930901820' },
    });
    expect(loadConfig({ ...twilio, TWILIO_MESSAGING_SERVICE_SID: `MG${'1b'.repeat(16)}` }).sms).toMatchObject({
      from: { messagingServiceSid: `MG${'1b'.repeat(16)}` },
    });
  });

  it('names what Twilio lacks or what is malformed, without repeating the token', () => {
    expect(problemsOf({ DATA_DIR: ':memory:', SMS_PROVIDER: 'twilio' })).toEqual([
      'TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: required with SMS_PROVIDER=twilio',
      'TWILIO_FROM or TWILIO_MESSAGING_SERVICE_SID: give exactly one with SMS_PROVIDER=twilio',
    ]);
    const problems = problemsOf({
      DATA_DIR: ':memory:',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: 'AC123',
      TWILIO_AUTH_TOKEN: 'short-secret',
      TWILIO_FROM: '030 901820',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'TWILIO_ACCOUNT_SID',
      'TWILIO_AUTH_TOKEN',
      'TWILIO_FROM',
    ]);
    expect(problems.join('\n')).not.toContain('short-secret');
  });
});

describe('loadConfig lists format and combination problems together', () => {
  it('reports a malformed PORT beside the missing production secrets', () => {
    try {
      loadConfig({ NODE_ENV: 'production', PORT: 'abc' });
      throw new Error('loadConfig accepted the configuration');
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^SECRET_KEY:/m);
      expect(problems).toMatch(/^SMTP_URL:/m);
    }
  });
});

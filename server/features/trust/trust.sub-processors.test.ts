import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config.js';
import { problemsOf as configProblems } from '../../test/config-problems.js';
import { subProcessors } from './trust.sub-processors.js';

const base = { NODE_ENV: 'test', DATA_DIR: ':memory:' };
const listed = (env: Record<string, string>) => subProcessors(loadConfig({ ...base, ...env }));

const problemsOf = (env: Record<string, string>) => configProblems({ ...base, ...env });

describe('the sub-processors the trust page names', () => {
  it('are none for a deployment that hands nothing to a third party', () => {
    expect(listed({})).toEqual([]);
    // A relay on loopback, the private network or a single-label host is the operator's own.
    for (const host of ['127.0.0.1', '10.1.2.3', '192.168.0.5', 'mailhog', 'smtp.internal', '[::1]']) {
      expect(listed({ SMTP_URL: `smtp://${host}:25` }), host).toEqual([]);
    }
  });

  it('follow the configured adapters, naming hosts without their credentials', () => {
    const list = listed({
      SMTP_URL: 'smtps://apikey:s3cret-pass@smtp.sendgrid.net:465',
      STRIPE_PORTAL_URL: 'https://billing.stripe.com/p/login/x',
      SMS_PROVIDER: 'twilio',
      TWILIO_ACCOUNT_SID: `AC${'0'.repeat(32)}`,
      TWILIO_AUTH_TOKEN: 'twilio-auth-token-1234',
      TWILIO_FROM: '+4930901820',
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'deedbox-docs',
      S3_REGION: 'eu-central-1',
      S3_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      S3_SECRET_ACCESS_KEY: 'secret-access-key',
    });
    expect(list.map((p) => [p.name, p.role, p.location])).toEqual([
      ['smtp.sendgrid.net', 'email', null],
      ['Stripe', 'payments', null],
      ['Twilio', 'sms', null],
      ['Amazon S3', 'storage', 'eu-central-1'],
    ]);
    const text = JSON.stringify(list);
    for (const secret of ['apikey', 's3cret', 'AKIA', 'secret-access-key', 'twilio-auth']) {
      expect(text).not.toContain(secret);
    }
  });

  it('name S3-compatible and Azure storage unless it is an emulator on this machine', () => {
    const s3 = {
      STORAGE_DRIVER: 's3',
      S3_BUCKET: 'deedbox-docs',
      S3_ACCESS_KEY_ID: 'key-id',
      S3_SECRET_ACCESS_KEY: 'secret',
    };
    expect(listed({ ...s3, S3_ENDPOINT: 'https://fsn1.your-objectstorage.com' }).map((p) => p.name)).toEqual([
      'fsn1.your-objectstorage.com',
    ]);
    expect(listed({ ...s3, S3_ENDPOINT: 'http://127.0.0.1:9000' })).toEqual([]);
    const azure = (connection: string) =>
      listed({ STORAGE_DRIVER: 'azure', AZURE_STORAGE_CONNECTION_STRING: connection });
    expect(
      azure('DefaultEndpointsProtocol=https;AccountName=acme;AccountKey=a2V5;EndpointSuffix=core.windows.net'),
    ).toEqual([
      {
        name: 'Microsoft Azure Blob Storage',
        role: 'storage',
        purpose: null,
        location: null,
        url: 'https://azure.microsoft.com/',
      },
    ]);
    expect(azure('AccountName=dev;AccountKey=a2V5;BlobEndpoint=http://127.0.0.1:10000/dev;')).toEqual([]);
  });

  it('add the configured entries, completing an adapter of the same name', () => {
    const list = listed({
      STRIPE_WEBHOOK_SECRET: 'whsec_abcdefgh',
      TRUST_SUBPROCESSORS: JSON.stringify([
        { name: 'stripe', purpose: 'Payments by card', location: 'Ireland', url: 'https://stripe.com/ie' },
        { name: 'Hetzner', purpose: 'Hosting', location: 'Germany' },
      ]),
    });
    expect(list).toEqual([
      {
        name: 'Stripe',
        role: 'payments',
        purpose: 'Payments by card',
        location: 'Ireland',
        url: 'https://stripe.com/ie',
      },
      { name: 'Hetzner', role: 'other', purpose: 'Hosting', location: 'Germany', url: null },
    ]);
  });

  it('refuse a malformed TRUST_SUBPROCESSORS at start, naming the entry and field', () => {
    expect(problemsOf({ TRUST_SUBPROCESSORS: '[{name:' })).toEqual([
      'TRUST_SUBPROCESSORS: must be a JSON list of {"name", "purpose", "location", "url"}',
    ]);
    const problems = problemsOf({
      TRUST_SUBPROCESSORS: JSON.stringify([
        { name: 'Ok', purpose: 'Fine' },
        { name: 'Plain', purpose: 'Tracking', url: 'http://plain.example' },
        { name: 'Extra', purpose: 'x', password: 'no' },
      ]),
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^TRUST_SUBPROCESSORS\.1\.url: /);
    expect(problems[1]).toMatch(/^TRUST_SUBPROCESSORS\.2: .*password/);
  });
});

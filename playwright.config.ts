import { defineConfig } from '@playwright/test';

// Overridable so two checkouts on one machine can run their browser tests side by side.
const PORT = Number(process.env.E2E_PORT ?? 3210);
const SMTP_PORT = PORT - 585;
const SINK_HTTP_PORT = PORT - 584;
const TWILIO_PORT = PORT - 583;

export const SINK_URL = `http://127.0.0.1:${SINK_HTTP_PORT}`;
/**
 * The browser opens the app as `localhost`, never `127.0.0.1`: WebAuthn refuses an IP address as
 * relying party, and APP_URL (the passkeys' origin and the links in mails) must be what the browser uses.
 */
const APP_URL = `http://localhost:${PORT}`;
/** The stand-in for Twilio's Messages API (server/test/fake-twilio.ts); `GET /messages` lists the texts sent. */
export const TWILIO_URL = `http://127.0.0.1:${TWILIO_PORT}`;
const TWILIO = {
  SMS_PROVIDER: 'twilio',
  TWILIO_API_URL: TWILIO_URL,
  TWILIO_ACCOUNT_SID: `AC${'e2e0'.repeat(8)}`,
  TWILIO_AUTH_TOKEN: 'e2e-twilio-auth-token',
  TWILIO_FROM: '+4930901820',
};
/** The browser tests' own PostgreSQL database, made afresh for each run. */
export const E2E_DATABASE_URL = process.env.E2E_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/deedbox_e2e';
/** What a second process (the CLI) needs to work on the same Deedbox as the server. */
export const E2E_ENV = {
  NODE_ENV: 'test',
  APP_URL,
  DATABASE_URL: E2E_DATABASE_URL,
  SMTP_URL: `smtp://127.0.0.1:${SMTP_PORT}`,
};

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [['list'], ['json', { outputFile: 'reports/playwright.json' }]] : 'list',
  use: {
    baseURL: APP_URL,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: [
    {
      command: 'npx tsx server/test/smtp-sink.ts',
      url: `${SINK_URL}/health`,
      env: { SMTP_SINK_PORT: String(SMTP_PORT), SMTP_SINK_HTTP_PORT: String(SINK_HTTP_PORT) },
      reuseExistingServer: false,
    },
    {
      command: 'npx tsx server/test/fake-twilio.ts',
      url: `${TWILIO_URL}/health`,
      env: {
        FAKE_TWILIO_PORT: String(TWILIO_PORT),
        FAKE_TWILIO_SID: TWILIO.TWILIO_ACCOUNT_SID,
        FAKE_TWILIO_TOKEN: TWILIO.TWILIO_AUTH_TOKEN,
      },
      reuseExistingServer: false,
    },
    {
      command: 'node scripts/e2e-db.mjs && npx tsx server/main.ts serve',
      url: `http://127.0.0.1:${PORT}/readyz`,
      env: {
        ...E2E_ENV,
        ...TWILIO,
        PORT: String(PORT),
        HOST: '127.0.0.1',
        // Only text extraction (search finds an upload once it is read), account exports and the outbox
        // (approval and signing mails are queued) and sealing signed documents run in the background; the tests run the reminder job themselves.
        WORKER: 'true',
        WORKER_JOBS: 'documents.extract-text,account-exports.build,mail.send,signing.seal',
        RATE_LIMIT: 'false',
        // Inbox addresses are shown (no SMTP listener is started without INBOUND_SMTP_PORT).
        INBOUND_MAIL_DOMAIN: 'in.deedbox.test',
        SCRYPT_LOG_N: '12',
        LOG_LEVEL: 'warn',
        // Journeys add members freely; a seat limit is a server rule tested in subscriptions.int.test.ts.
        TRIAL_PLAN: 'enterprise',
        // What the trust page shows beyond the adapters (Twilio above).
        TRUST_HOSTING: 'Hetzner Online GmbH, dedicated servers in Falkenstein',
        TRUST_DATA_RESIDENCY: 'Germany (European Union)',
        TRUST_SUBPROCESSORS: JSON.stringify([
          { name: 'Zammad GmbH', purpose: 'Support tickets', location: 'Germany', url: 'https://zammad.com/en' },
        ]),
      },
      reuseExistingServer: false,
      timeout: 60_000,
    },
  ],
});

import { defineConfig } from 'vitest/config';

const integration = ['server/**/*.int.test.ts'];
const attack = ['server/security/**/*.attack.test.ts'];

export default defineConfig({
  test: {
    reporters: process.env.CI ? ['default', ['json', { outputFile: 'reports/vitest.json' }]] : ['default'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['server/**/*.test.ts', 'common/**/*.test.ts', 'web/src/**/*.test.ts'],
          exclude: [...integration, ...attack],
        },
      },
      // The integration suite runs twice: on PostgreSQL and on the embedded PGlite.
      {
        extends: true,
        test: {
          name: 'postgres',
          include: integration,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['server/test/pg-setup.ts'],
        },
      },
      // The attack suite (server/security) speaks HTTP only, so one database engine is enough: PostgreSQL.
      {
        extends: true,
        test: {
          name: 'attack',
          include: attack,
          env: { TEST_DB: 'postgres' },
          globalSetup: ['server/security/attack-setup.ts'],
          testTimeout: 120_000,
        },
      },
      // Several processes sharing one database (*.pg.int.test.ts) is what PostgreSQL is for; PGlite is one process.
      // The operator commands (*.cli.int.test.ts) spawn a process per call, which on PGlite opens the data
      // directory anew each time (seconds): their logic does not depend on the engine and runs on PostgreSQL,
      // while server/cli.int.test.ts and server/db/data-dir-lock.int.test.ts keep the CLI on PGlite covered.
      {
        extends: true,
        test: {
          name: 'pglite',
          include: integration,
          exclude: ['**/*.pg.int.test.ts', '**/*.cli.int.test.ts'],
          env: { TEST_DB: 'pglite' },
          globalSetup: ['server/test/pglite-setup.ts'],
        },
      },
    ],
  },
});

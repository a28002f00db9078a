import { defineConfig } from 'vitest/config';

/**
 * The SQLite pass only: suites about SQLite's own files or that open them directly (the command line on a
 * data folder among them), and the single sign-on suites that drive Chromium through a provider (their
 * store operations are the ones sso-protocol.test.ts makes without a browser, which both passes run).
 */
const SQLITE_ONLY = [
  'test/integration/server/database.test.ts',
  'test/integration/server/data-folder.test.ts',
  'test/integration/server/crash.test.ts',
  'test/integration/server/sqlite-schema.test.ts',
  'test/integration/server/trusted-computers-cli.test.ts',
  'test/integration/server/cli-data-folder.test.ts',
  'test/integration/server/sso/sso-desktop.test.ts',
  'test/integration/server/sso/sso-pages.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'sqlite',
          include: ['test/unit/**/*.test.ts', 'test/integration/**/*.test.ts'],
          exclude: ['test/integration/postgres/**'],
          globalSetup: ['test/support/global-setup.ts'],
        },
      },
      {
        // The same integration suites on a PostgreSQL server the setup starts, and the suites of several
        // server processes on one database.
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/integration/server/**/*.test.ts', 'test/integration/postgres/**/*.test.ts'],
          exclude: SQLITE_ONLY,
          globalSetup: ['test/support/postgres-setup.ts'],
        },
      },
    ],
  },
});

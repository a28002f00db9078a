/**
 * Specs of the browser pages (sign-in, enrollment, settings, administration): Debian's Chromium
 * against the real reference server, one fresh server per test. Run with `npm run test:web`.
 */
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/support/chromium.js';

export default defineConfig({
  testDir: 'test/web',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/web/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  // In CI a test that passes only on its retry is reported as flaky rather than failing the run.
  ...(process.env['CI'] === undefined ? {} : { workers: 2, retries: 1 }),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results/web',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
});

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
  globalTeardown: './test/support/gallery-teardown.ts',
  fullyParallel: true,
  forbidOnly: true,
  // No retries, anywhere: a test that passes only on its second run is a failing test.
  retries: 0,
  ...(process.env['CI'] === undefined ? {} : { workers: 2 }),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Its own folder, emptied at the start of a run; the gallery beside it survives.
  outputDir: 'test-results/web',
  use: {
    browserName: 'chromium',
    launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] },
    trace: 'retain-on-failure',
    actionTimeout: 10_000,
  },
});

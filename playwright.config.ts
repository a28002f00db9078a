/**
 * End-to-end specs, written once and run in two projects against the real reference server:
 * `chromium` drives the browser preview (the real renderer and the real main-process flow in
 * Node) in Debian's Chromium; `electron` launches the real app, and skips with a printed reason
 * where the Electron runtime is not installed.
 */
import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './electron/launch/electron-binary.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/support/chromium.js';


const electron = findElectronBinary();
// Printed once, by the runner rather than by every worker that loads this file.
if (!electron.ok && process.env['TEST_WORKER_INDEX'] === undefined) console.log(`[electron project] skipped: ${electron.reason}`);

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/global-setup.ts',
  fullyParallel: true,
  forbidOnly: true,
  // In CI a test that passes only on its retry is reported as flaky rather than failing the run.
  ...(process.env['CI'] === undefined ? {} : { workers: 2, retries: 1 }),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', actionTimeout: 10_000 },
  projects: [
    {
      name: 'chromium',
      use: { browserName: 'chromium', launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } },
    },
    { name: 'electron' },
  ],
});

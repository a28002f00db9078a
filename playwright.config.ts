/**
 * End-to-end specs, written once on the testing kit (testing/) and run in two projects against the real reference server:
 * `chromium` drives the browser preview (the real renderer and the real main-process flow in
 * Node) in Debian's Chromium; `electron` launches the real app, and skips with a printed reason
 * where the Electron runtime is not installed (asked without loading the electron package, which
 * would download it).
 */
import { defineConfig } from '@playwright/test';
import { findElectronBinary } from './electron/launch/electron-binary.js';
import type { StepgateOptions } from './testing/index.js';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './test/e2e/support/chromium.js';

const electron = findElectronBinary();
// Switches for every launch of the app, e.g. --ozone-platform=wayland (test/e2e/run-e2e.sh sets it for a Wayland run).
const electronArgs = (process.env['STEPGATE_E2E_ELECTRON_ARGS'] ?? '').split(/\s+/).filter((arg) => arg !== '');
// Printed once, by the runner rather than by every worker that loads this file.
if (!electron.ok && process.env['TEST_WORKER_INDEX'] === undefined) console.log(`[electron project] skipped: ${electron.reason}`);

export default defineConfig<StepgateOptions>({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/support/global-setup.ts',
  globalTeardown: './test/support/gallery-teardown.ts',
  fullyParallel: true,
  forbidOnly: true,
  // No retries, anywhere: a test that passes only on its second run is a failing test.
  retries: 0,
  ...(process.env['CI'] === undefined ? {} : { workers: 2 }),
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  // Its own folder: Playwright empties it at the start of a run, and test-results/ also holds the
  // browser-page specs' results and the screenshot gallery, which must survive this run.
  outputDir: 'test-results/e2e',
  use: { trace: 'retain-on-failure', actionTimeout: 10_000 },
  projects: [
    {
      name: 'chromium',
      use: { stepgateTarget: { kind: 'preview' }, launchOptions: { executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] } },
    },
    // The project folder, as `npm start` runs it: package.json's "main" is the built dist/electron/main.js.
    { name: 'electron', use: { stepgateTarget: { kind: 'development', appDir: import.meta.dirname, args: electronArgs } } },
  ],
});

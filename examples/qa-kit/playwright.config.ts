/**
 * Stepgate, tested the way a QA team's pipeline does it. Projects:
 * - `preview`: the app's own renderer and sign-in flow in Chromium, no Electron needed;
 * - `packaged`: the end-to-end build (`npm run dist -- --e2e` in Stepgate's repository), when
 *   STEPGATE_EXECUTABLE names its executable, e.g. release/linux-unpacked/stepgate.
 * Without SERVER_URL the specs sign in to the kit's demo server.
 */
import { existsSync } from 'node:fs';
import { defineConfig } from '@playwright/test';
import type { StepgateOptions } from 'stepgate/testing';

// Debian's Chromium where it is installed; elsewhere Playwright's own (npx playwright install chromium).
const chromium = process.env['CHROMIUM_PATH'] ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const executable = process.env['STEPGATE_EXECUTABLE'];

export default defineConfig<StepgateOptions>({
  testDir: 'tests',
  forbidOnly: true,
  retries: 0,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    ...(process.env['SERVER_URL'] === undefined ? {} : { serverUrl: process.env['SERVER_URL'] }),
  },
  projects: [
    {
      name: 'preview',
      use: { stepgateTarget: { kind: 'preview' }, launchOptions: { ...(chromium === undefined ? {} : { executablePath: chromium }), args: ['--no-sandbox'] } },
    },
    ...(executable === undefined ? [] : [{ name: 'packaged', use: { stepgateTarget: { kind: 'packaged' as const, executablePath: executable } } }]),
  ],
});

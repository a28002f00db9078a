/**
 * Fixtures shared by every spec: a fresh reference server per test and a way to launch the app
 * against it, in whichever project runs the spec.
 */
import { test as base, expect } from '@playwright/test';
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import type { ConfigOverrides } from '../../../server/config.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { launchElectronApp, launchPreviewApp, type AppDriver, type LaunchOptions } from './app-driver.js';

export type Launch = (options?: Partial<LaunchOptions>) => Promise<AppDriver>;

export const test = base.extend<{ electronAvailable: undefined; serverConfig: ConfigOverrides; server: TestServer; launch: Launch }>({
  /** Server settings for one spec file, e.g. a short lock-out: test.use({ serverConfig: ... }). */
  serverConfig: [{}, { option: true }],
  electronAvailable: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
    async ({}, use, testInfo) => {
      if (testInfo.project.name === 'electron') {
        const binary = findElectronBinary();
        testInfo.skip(!binary.ok, `Electron runtime not available: ${binary.ok ? '' : binary.reason}`);
      }
      await use(undefined);
    },
    { auto: true },
  ],
  server: async ({ serverConfig }, use) => {
    const server = await startTestServer({ config: serverConfig });
    await use(server);
    await server.close();
  },
  launch: async ({ server }, use, testInfo) => {
    const launched: AppDriver[] = [];
    const keychainService = `StepgateE2E-${process.pid}-${testInfo.workerIndex}-${testInfo.testId}`;
    await use(async (options = {}) => {
      const full: LaunchOptions = { serverUrl: server.url, keychainService, ...options };
      const app = testInfo.project.name === 'electron' ? await launchElectronApp(full) : await launchPreviewApp(full);
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
});

export { expect };

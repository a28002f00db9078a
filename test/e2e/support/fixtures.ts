/**
 * Fixtures shared by every spec: a fresh reference server per test, a way to launch the app
 * against it in whichever project runs the spec, the language the app is expected to speak, and a
 * check after every test that no page of the app logged a CSP violation, an error or a warning.
 */
import { test as base, expect } from '@playwright/test';
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import type { ConfigOverrides } from '../../../server/config.js';
import { messagesFor } from '../../../shared/messages/catalogue.js';
import type { Messages } from '../../../shared/messages/en.js';
import { pickLanguage, type UiLanguage } from '../../../shared/messages/language.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { launchElectronApp, launchPreviewApp, type AppDriver, type LaunchOptions } from './app-driver.js';

export type Launch = (options?: Partial<LaunchOptions>) => Promise<AppDriver>;

interface Fixtures {
  electronAvailable: undefined;
  serverConfig: ConfigOverrides;
  /** The operating system's preferred languages for the app: test.use({ systemLanguages: ['fi-FI'] }). */
  systemLanguages: readonly string[];
  /** A language forced by the app's settings, or undefined to follow the system. */
  language: UiLanguage | undefined;
  /** The catalogue of the language the app should speak. */
  t: Messages;
  server: TestServer;
  launch: Launch;
}

export const test = base.extend<Fixtures>({
  /** Server settings for one spec file, e.g. a short lock-out: test.use({ serverConfig: ... }). */
  serverConfig: [{}, { option: true }],
  systemLanguages: [['en-US'], { option: true }],
  language: [undefined, { option: true }],
  t: async ({ systemLanguages, language }, use) => use(messagesFor(language ?? pickLanguage(systemLanguages))),
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
  launch: async ({ server, systemLanguages, language }, use, testInfo) => {
    const launched: AppDriver[] = [];
    const keychainService = `StepgateE2E-${process.pid}-${testInfo.workerIndex}-${testInfo.testId}`;
    await use(async (options = {}) => {
      const full: LaunchOptions = {
        serverUrl: server.url,
        keychainService,
        systemLanguages,
        ...(language === undefined ? {} : { language }),
        ...options,
      };
      const app = testInfo.project.name === 'electron' ? await launchElectronApp(full) : await launchPreviewApp(full);
      launched.push(app);
      return app;
    });
    const problems = launched.flatMap((app) => app.pageProblems);
    for (const app of launched) await app.close();
    expect(problems, 'CSP violations, console errors and warnings, uncaught exceptions').toEqual([]);
  },
});

export { expect };

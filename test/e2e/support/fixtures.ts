/**
 * The project's fixtures, on top of the testing kit's (`testing/`): a fresh reference server per
 * test with a clock the test moves, that server for every launch, the Electron project skipped with
 * its reason where no Electron runtime is installed, and a check after every test that no window of
 * the app logged a CSP violation, an error or a warning.
 */
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import type { ConfigOverrides } from '../../../server/config.js';
import { expect, test as kit, type LaunchStepgate } from '../../../testing/index.js';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { watchPage } from './page-problems.js';

export type Launch = LaunchStepgate;

interface Fixtures {
  electronAvailable: undefined;
  /** Server settings for one spec file, e.g. a short lock-out: test.use({ serverConfig: ... }). */
  serverConfig: ConfigOverrides;
  server: TestServer;
  /** The kit's launchStepgate, with every window watched for CSP violations, console errors and warnings. */
  launch: Launch;
}

export const test = kit.extend<Fixtures>({
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
  serverUrl: async ({ server }, use) => use(server.url),
  launch: async ({ launchStepgate }, use) => {
    const problems: string[] = [];
    await use((options = {}) => launchStepgate({ onWindow: (window) => watchPage(window, problems), ...options }));
    expect(problems, 'CSP violations, console errors and warnings, uncaught exceptions').toEqual([]);
  },
});

export { expect };

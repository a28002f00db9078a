/**
 * Playwright fixtures: `test.use({ stepgateTarget, serverUrl, language, systemLanguages })`, then
 * `stepgate` (one app, launched for the test) or `launchStepgate` (as many as the test needs), and
 * `demoServer`, started once per worker the first time a test asks for it, or for an app when no
 * `serverUrl` is given.
 */
import { test as base, type Browser } from '@playwright/test';
import type { Messages } from '../shared/messages/en.js';
import { messagesFor } from '../shared/messages/catalogue.js';
import type { UiLanguage } from '../shared/messages/language.js';
import { languageOf, launchStepgate as launch, type StepgateApp } from './app/stepgate-app.js';
import type { LaunchOptions, StepgateTarget } from './app/target.js';
import { startDemoServer, type DemoServer } from './demo-server.js';

export interface StepgateOptions {
  /** What to launch; by default the browser preview. */
  stepgateTarget: StepgateTarget;
  /** The sign-in server; by default the demo server. */
  serverUrl: string | undefined;
  /** The app's `language` setting; by default none, so the system languages decide. */
  language: UiLanguage | undefined;
  /** The operating system's preferred languages, e.g. ['fi-FI']. */
  systemLanguages: readonly string[];
}

/** Options for one launch; anything not given comes from the test's options. */
export type LaunchStepgate = (options?: Partial<LaunchOptions>) => Promise<StepgateApp>;

export interface StepgateFixtures {
  demoServer: DemoServer;
  launchStepgate: LaunchStepgate;
  /** The app, launched with the test's options. */
  stepgate: StepgateApp;
  /** The catalogue of the language the app speaks with the test's options. */
  t: Messages;
}

interface WorkerFixtures {
  /** Starts the demo server the first time it is called in this worker. */
  stepgateDemoServer: () => Promise<DemoServer>;
  /** Starts Chromium for the preview the first time it is called in this worker (with the project's launchOptions). */
  stepgatePreviewBrowser: () => Promise<Browser>;
}

function once<T>(start: () => Promise<T>): { get: () => Promise<T>; started: () => Promise<T> | undefined } {
  let started: Promise<T> | undefined;
  return { get: () => (started ??= start()), started: () => started };
}

export const test = base.extend<StepgateOptions & StepgateFixtures, WorkerFixtures>({
  stepgateTarget: [{ kind: 'preview' }, { option: true }],
  serverUrl: [undefined, { option: true }],
  language: [undefined, { option: true }],
  systemLanguages: [['en-US'], { option: true }],

  stepgateDemoServer: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern.
    async ({}, use) => {
      const server = once(() => startDemoServer());
      await use(server.get);
      await (await server.started())?.close();
    },
    { scope: 'worker' },
  ],
  stepgatePreviewBrowser: [
    async ({ playwright, launchOptions }, use) => {
      const browser = once(() => playwright.chromium.launch(launchOptions));
      await use(browser.get);
      await (await browser.started())?.close();
    },
    { scope: 'worker' },
  ],

  demoServer: async ({ stepgateDemoServer }, use) => use(await stepgateDemoServer()),
  t: async ({ language, systemLanguages }, use) => use(messagesFor(languageOf({ language, systemLanguages }))),

  launchStepgate: async ({ stepgateTarget, serverUrl, language, systemLanguages, stepgateDemoServer, stepgatePreviewBrowser }, use, testInfo) => {
    const launched: StepgateApp[] = [];
    // One "installation" per test: a second launch in the same test finds what the first kept.
    const keychainService = `StepgateTest-${process.pid}-${testInfo.workerIndex}-${testInfo.testId}`;
    await use(async (options = {}) => {
      // The demo server starts only for a launch that names no server (null names none on purpose).
      const server = options.serverUrl !== undefined ? options.serverUrl : (serverUrl ?? (await stepgateDemoServer()).url);
      const app = await launch(
        stepgateTarget,
        {
          keychainService,
          systemLanguages,
          ...(language === undefined ? {} : { language }),
          ...options,
          serverUrl: server,
        },
        stepgatePreviewBrowser,
      );
      launched.push(app);
      return app;
    });
    for (const app of launched) await app.close();
  },
  stepgate: async ({ launchStepgate }, use) => use(await launchStepgate()),
});

export { expect } from '@playwright/test';

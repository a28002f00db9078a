/**
 * Every spec gets its own real reference server (fresh SQLite in a temporary folder, hand-moved
 * clock), and every page it opens fails the test on a Content Security Policy violation, a console
 * error or warning, or an uncaught exception. The browser's own note about an API answer with an
 * error status is expected (the page words that answer itself); a spec that provokes another,
 * such as a page refused with 403, says so with `expectConsole`.
 */
import { test as base, expect, type ConsoleMessage, type Page } from '@playwright/test';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { RELAXED_THROTTLE } from '../../support/totp.js';
import { watchPage, type ExpectedMessage } from '../../e2e/support/page-problems.js';

interface Fixtures {
  readonly server: TestServer;
  /** What the pages logged that they must not; checked after every test. */
  readonly pageErrors: string[];
  /** Marks console messages this test provokes on purpose. */
  readonly expectConsole: (expected: ExpectedMessage) => void;
  /** A page in a browser context of its own (another person), watched like every other. */
  readonly newPage: () => Promise<Page>;
}

/** "Failed to load resource: the server responded with a status of 401" for an /api/v1 call. */
const apiRefusal: ExpectedMessage = (message: ConsoleMessage) =>
  /^Failed to load resource: the server responded with a status of 4\d\d/.test(message.text()) && message.location().url.includes('/api/v1/');

export const test = base.extend<Fixtures & { watchPages: undefined }>({
  // Playwright reads the fixture's dependencies from this destructuring; there are none.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await use(server);
    await server.close();
  },
  // eslint-disable-next-line no-empty-pattern
  pageErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, 'CSP violations, console errors and warnings, uncaught exceptions').toEqual([]);
  },
  expectConsole: async ({ context, pageErrors }, use) => {
    const expected: ExpectedMessage[] = [apiRefusal];
    const isExpected: ExpectedMessage = (message) => expected.some((e) => e(message));
    context.on('page', (page) => watchPage(page, pageErrors, isExpected));
    for (const page of context.pages()) watchPage(page, pageErrors, isExpected);
    await use((e) => expected.push(e));
  },
  newPage: async ({ browser, pageErrors }, use) => {
    const contexts: Awaited<ReturnType<typeof browser.newContext>>[] = [];
    await use(async () => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      watchPage(page, pageErrors, apiRefusal);
      return page;
    });
    for (const context of contexts) await context.close();
  },
  watchPages: [async ({ expectConsole }, use) => use(void expectConsole), { auto: true }],
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect };

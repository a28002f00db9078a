/**
 * Every spec gets its own real reference server (fresh SQLite in a temporary folder, hand-moved
 * clock) and a page that fails the test on any Content Security Policy violation or page error.
 */
import { test as base, expect } from '@playwright/test';
import { startTestServer, type TestServer } from '../../support/test-server.js';
import { RELAXED_THROTTLE } from '../../support/totp.js';

interface Fixtures {
  readonly server: TestServer;
  readonly pageErrors: string[];
}

export const test = base.extend<Fixtures>({
  // Playwright reads the fixture's dependencies from this destructuring; there are none.
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const server = await startTestServer({ config: { throttle: RELAXED_THROTTLE } });
    await use(server);
    await server.close();
  },
  pageErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (/Content Security Policy|Refused to/i.test(message.text())) errors.push(message.text());
    });
    await use(errors);
    expect(errors, 'page errors and CSP violations').toEqual([]);
  },
  baseURL: async ({ server }, use) => use(server.url),
});

export { expect };

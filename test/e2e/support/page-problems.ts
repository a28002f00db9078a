/**
 * What a page must never show in its console: Content Security Policy violations, errors and
 * warnings (the app's own or the browser's, such as a resource that failed to load), and uncaught
 * exceptions. The desktop specs and the browser-page specs fail on any of them, except what a
 * spec expects (`expected`), such as the browser's note that an API call it provoked was refused.
 */
import type { ConsoleMessage, Page } from '@playwright/test';

const watched = new WeakSet<Page>();

export type ExpectedMessage = (message: ConsoleMessage) => boolean;

export function isPageProblem(message: ConsoleMessage, expected: ExpectedMessage = () => false): boolean {
  if (expected(message)) return false;
  return message.type() === 'error' || message.type() === 'warning' || /Content Security Policy|Refused to/i.test(message.text());
}

export function watchPage(page: Page, problems: string[], expected: ExpectedMessage = () => false): void {
  if (watched.has(page)) return;
  watched.add(page);
  page.on('console', (message) => {
    if (isPageProblem(message, expected)) problems.push(`${message.type()}: ${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}

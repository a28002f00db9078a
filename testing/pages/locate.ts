/**
 * Finds one contract element under a window or a part of one by its `data-testid`, which stays the
 * same in every language and through changes of wording; the roles and names it also has are the
 * contract's promise to people (docs/testing.md), checked by the app's own tests.
 */
import type { Locator, Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import { DAYS_IN_CONTRACT, type ContractElement } from '../contract.js';

export type Scope = Page | Locator;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A name that carries a number of days, for any number: the catalogue's words for one day, or for many with any number in place. */
export function anyDays(name: (t: Messages, days: number) => string, t: Messages): RegExp {
  // (The pseudo-locale pads a text in proportion to its length, so its padding may be of any length too.)
  const many = escape(name(t, DAYS_IN_CONTRACT)).replace(String(DAYS_IN_CONTRACT), '\\d+').replace(/·+/g, '·+');
  return new RegExp(`^(?:${escape(name(t, 1))}|${many})$`);
}

/** A CSS attribute selector's quoted value (JSON's escapes are CSS's for quotes and backslashes). */
const quoted = (value: string) => JSON.stringify(value);

/** The element by its test id, spelled out rather than through getByTestId, so a project's own `testIdAttribute` cannot change it. */
export function locate(scope: Scope, element: ContractElement): Locator {
  return scope.locator(`[data-testid=${quoted(element.testId)}]`);
}

/** A single sign-on button for one identity provider, by the display name the server gives it. */
export function locateProvider(scope: Scope, element: ContractElement, provider: string): Locator {
  return scope.locator(`[data-testid=${quoted(element.testId)}][data-provider=${quoted(provider)}]`);
}

/** A modal dialog holding the element (the preview's code window, About): the dialog itself, found by what it holds. */
export function dialogHolding(page: Page, element: ContractElement): Locator {
  return page.locator('dialog[open]').filter({ has: locate(page, element) });
}

/** Finds one contract element under a window or a part of one: by role and exact accessible name, never by CSS. */
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

export function locate(scope: Scope, element: ContractElement, t: Messages, provider = ''): Locator {
  if (element.withDays !== undefined && element.role !== 'label') return scope.getByRole(element.role, { name: anyDays(element.withDays, t) });
  const name = element.name(t, provider);
  // The term names the definition for a person; the locator finds the first definition in `scope`.
  if (element.role === 'definition') return scope.getByRole('definition').first();
  // Exact: "Sign in" must not also find "Sign in with Contoso", nor "Password" the "Show password" button.
  return element.role === 'label' ? scope.getByLabel(name, { exact: true }) : scope.getByRole(element.role, { name, exact: true });
}

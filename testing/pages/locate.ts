/** Finds one contract element under a window or a part of one: by role and exact accessible name, never by CSS. */
import type { Locator, Page } from '@playwright/test';
import type { Messages } from '../../shared/messages/en.js';
import type { ContractElement } from '../contract.js';

export type Scope = Page | Locator;

export function locate(scope: Scope, element: ContractElement, t: Messages, provider = ''): Locator {
  const name = element.name(t, provider);
  // The term names the definition for a person; the locator finds the first definition in `scope`.
  if (element.role === 'definition') return scope.getByRole('definition').first();
  // Exact: "Sign in" must not also find "Sign in with Contoso", nor "Password" the "Show password" button.
  return element.role === 'label' ? scope.getByLabel(name, { exact: true }) : scope.getByRole(element.role, { name, exact: true });
}

/**
 * Runs axe-core inside the page (injected through the DevTools protocol, so the page's strict CSP
 * stays on) and fails on any violation, listing what and where.
 */
import axe from 'axe-core';
import type { Page } from '@playwright/test';
import { expect } from './fixtures.js';

interface AxeViolation {
  readonly id: string;
  readonly help: string;
  readonly nodes: readonly { readonly target: readonly unknown[] }[];
}

export async function expectNoAxeViolations(page: Page, what: string): Promise<void> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(axe.source);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: AxeViolation[] }> } };
    const result = await w.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  const summary = violations.map((v) => `${v.id}: ${v.help} at ${v.nodes.map((n) => JSON.stringify(n.target)).join(', ')}`);
  expect(summary, `axe-core violations on ${what}`).toEqual([]);
}

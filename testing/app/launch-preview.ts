/**
 * The browser preview: the built renderer and the real main-process sign-in flow (in this process,
 * with the real keychain) served on loopback, in a Chromium page. The code window is a modal dialog
 * in the same page, found by the name the packaged app gives its window.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { configSource, resolveConfig } from '../../electron/config/resolve-config.js';
import { isSettingKey } from '../../electron/config/settings.js';
import { noKeychain } from '../../electron/keychain/credential-store.js';
import { keychainStore, loadKeytar } from '../../electron/keychain/keytar-store.js';
import { startPreview, type Preview } from '../../electron/preview/preview-server.js';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import { PREVIEW_ROUTES } from '../../shared/ipc/preview-routes.js';
import { CONTRACT } from '../contract.js';
import { packageRoot } from '../package-root.js';
import { dialogHolding } from '../pages/locate.js';
import type { AppHandle } from './app-handle.js';
import type { LaunchOptions } from './target.js';

/** The state already says the code window is open; drawing it takes a moment more. */
const CODE_WINDOW_TIMEOUT_MS = 10_000;

export async function launchPreview(browser: Browser, options: LaunchOptions): Promise<AppHandle> {
  const rendererDir = join(packageRoot(), 'dist', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error(`the renderer is not built at ${rendererDir}: run npm run build:renderer`);
  const settingsDir = mkdtempSync(join(tmpdir(), 'stepgate-preview-settings-'));
  const systemLanguages = options.systemLanguages ?? ['en-US'];
  const startOne = async (onBringToFront: () => void): Promise<Preview> => {
    const settings = {
      ...(options.serverUrl === null ? {} : { serverUrl: options.serverUrl }),
      ...(options.language === undefined ? {} : { language: options.language }),
    };
    const policy = configSource('policy', 'policy', options.policy);
    // As the app does: a setting's value it cannot use stops it rather than leaving the setting unlocked (unknown names are ignored).
    const invalid = policy.problems.find((p) => isSettingKey(p.key));
    if (invalid !== undefined) throw new Error(`the policy setting "${invalid.key}" is invalid: ${invalid.reason}`);
    const sources = [policy, configSource('settings.json', 'userSettings', settings)];
    return startPreview({
      rendererDir,
      config: resolveConfig(sources),
      // No policy of this computer's is read: the launcher is the preview's only configuration.
      diagnostics: { sources, policySources: [] },
      configEnvironment: { userSettingsPath: join(settingsDir, 'settings.json'), readFile: async () => ({ kind: 'absent' }) },
      credentials: options.keychain === false ? noKeychain : keychainStore(await loadKeytar(), options.keychainService),
      systemLanguages,
      onBringToFront,
    });
  };
  // The preview's window is its tab: the flow's "come to the front" raises it, and the tab raised last is the one in front.
  let raised: { readonly page: Page; readonly done: Promise<void> } | null = null;
  const raise = () => {
    const target = page;
    raised = { page: target, done: target.bringToFront().catch(() => undefined) };
  };
  let preview = await startOne(raise);
  const context = await browser.newContext(options.scaleFactor === undefined ? {} : { deviceScaleFactor: options.scaleFactor });
  if (options.onWindow !== undefined) context.on('page', options.onWindow);
  let page = await context.newPage();
  await page.goto(`${preview.url}/`);
  return {
    kind: 'preview',
    page: () => page,
    pages: () => [page],
    codeWindow: async () => {
      const dialog = dialogHolding(page, CONTRACT['Verification-code window'].window);
      await expect(dialog).toBeVisible({ timeout: CODE_WINDOW_TIMEOUT_MS });
      return { page, scope: dialog };
    },
    openedUrls: async () => [...preview.opened],
    broughtToFront: async () => {
      const last = raised;
      if (last === null || last.page !== page || page.isClosed()) return false;
      await last.done;
      return page.evaluate(() => document.visibilityState === 'visible');
    },
    view: async () => preview.flow.view,
    // The route the page's "About" uses; it answers only the preview's own origin, which the kit names.
    diagnostics: async () => {
      const response = await fetch(`${preview.url}${PREVIEW_ROUTES.diagnostics}`, { method: 'POST', headers: { origin: preview.url } });
      if (!response.ok) throw new Error(`the preview refused the diagnostics (HTTP ${response.status})`);
      return (await response.json()) as Diagnostics;
    },
    clipboardText: async () => preview.clipboard,
    restart: async () => {
      await page.close();
      await preview.close();
      raised = null;
      preview = await startOne(raise);
      page = await context.newPage();
      await page.goto(`${preview.url}/`);
    },
    close: async () => {
      await context.close();
      await preview.close();
      rmSync(settingsDir, { recursive: true, force: true });
    },
    electronApp: () => null,
  };
}

/** What the kit launches, and how. */
import type { Page } from '@playwright/test';
import type { UiLanguage } from '../../shared/messages/language.js';

/**
 * - `packaged`: an installed or unpacked end-to-end build (`npm run dist -- --e2e`), by the path
 *   of its executable. Release builds cannot be driven: their inspect fuse is off.
 * - `development`: an app folder whose package.json names the built main process (as `npm start`
 *   runs it), with the Electron binary of its node_modules unless `electronPath` names another.
 * - `preview`: the same renderer and sign-in flow in Chromium, with no Electron at all; the code
 *   window is then a modal dialog in the same page.
 *
 * `args`: switches added to every launch of the app, e.g. `['--ozone-platform=wayland']` to run it
 * as a native Wayland client. Release builds refuse remote-debugging, inspector and DevTools switches.
 */
export type StepgateTarget =
  | { readonly kind: 'packaged'; readonly executablePath: string; readonly args?: readonly string[] }
  | { readonly kind: 'development'; readonly appDir: string; readonly electronPath?: string; readonly args?: readonly string[] }
  | { readonly kind: 'preview' };

export interface LaunchOptions {
  /** The sign-in server, e.g. http://127.0.0.1:4000; null: none configured (the app asks for one). */
  readonly serverUrl: string | null;
  /** Keychain entries of one "installation": launches with the same name share a kept session. */
  readonly keychainService: string;
  /** false: a computer without a keychain (no Secret Service). */
  readonly keychain?: boolean;
  /** The operating system's preferred languages, e.g. ["fi-FI"]; by default English. */
  readonly systemLanguages?: readonly string[];
  /** The `language` setting, which wins over the system's: "en", "fi" (or the pseudo-locale "en-XA"). */
  readonly language?: UiLanguage;
  /**
   * Policy as IT sets it, by the keys of policy.json (docs/deploying.md), e.g. `{ allowTrustedComputer: false }`:
   * read instead of this computer's own policy. A value the app cannot use stops the launch, as it stops the app.
   */
  readonly policy?: Readonly<Record<string, unknown>>;
  /** Display scaling (1.25 for Windows' 125%): the device pixel ratio the windows draw at. */
  readonly scaleFactor?: number;
  /** Called with every window (in the preview: every page) of the app as it opens, e.g. to watch its console. */
  readonly onWindow?: (window: Page) => void;
}

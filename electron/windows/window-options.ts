/** The web preferences every app window uses: isolated, sandboxed, no Node, only the preload bridge. */
import type { BrowserWindowConstructorOptions } from 'electron';

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    // Countdowns (lock-out, challenge expiry) keep time while the window is behind another.
    backgroundThrottling: false,
  };
}

/** Page URL of one window role: the renderer draws the login window or the code window. */
export type WindowRole = 'login' | 'code';

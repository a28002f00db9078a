/**
 * The Electron main process: wires the sign-in flow (plain Node code) to windows, IPC, the
 * keychain, configuration and Electron's network stack. Everything Electron-specific is here or
 * in a thin adapter beside it.
 */
import { app, net, shell, type BrowserWindow } from 'electron';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import buildDefaults from '../build/defaults.json' with { type: 'json' };
import { CHANNELS } from '../shared/ipc/channels.js';
import type { AppView } from '../shared/ipc/view.js';
import { messagesFor } from '../shared/messages/catalogue.js';
import { createApiClient, type ApiClient, type FetchLike } from './api/api-client.js';
import { installAppMenu } from './app/app-menu.js';
import { registerAppScheme, serveRenderer } from './app/app-protocol.js';
import { uiLanguage } from './app/ui-language.js';
import { loadConfig, saveUserServerUrl } from './config/load-config.js';
import { nodeConfigEnvironment, writeTextFile } from './config/node-environment.js';
import { registerIpc } from './ipc/register-ipc.js';
import { DEFAULT_KEYCHAIN_SERVICE, loadKeytar, openKeychain } from './keychain/keytar-store.js';
import { hardenApp } from './security/harden-app.js';
import { SignInFlow } from './signin/sign-in-flow.js';
import { createAppWindows } from './windows/app-windows.js';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD = join(here, 'preload.cjs');

registerAppScheme();
hardenApp();
// Lets end-to-end runs give every app instance a profile of its own.
const userDataOverride = process.env['STEPGATE_USER_DATA'];
if (userDataOverride !== undefined && userDataOverride !== '') app.setPath('userData', userDataOverride);

// Electron's own network stack: system proxy, PAC files and the OS certificate store apply.
const electronFetch: FetchLike = (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init);

async function main(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  serveRenderer(RENDERER_DIR);

  const environment = nodeConfigEnvironment({ userSettingsPath: join(app.getPath('userData'), 'settings.json'), buildDefaults });
  const config = await loadConfig(environment);
  for (const problem of config.problems) console.warn(`Ignored setting "${problem.key}" from ${problem.source}: ${problem.reason}`);

  const language = uiLanguage(config.language, app.getPreferredSystemLanguages());
  const t = messagesFor(language);
  installAppMenu(t, process.platform);
  app.setAboutPanelOptions({ applicationName: t.appName, applicationVersion: app.getVersion(), credits: t.about.body });

  const credentials = await openKeychain(await loadKeytar(), process.env['STEPGATE_KEYCHAIN_SERVICE'] ?? DEFAULT_KEYCHAIN_SERVICE);
  const clients = new Map<string, ApiClient>();
  const flow = new SignInFlow({
    apiFor: (url) => {
      const client = clients.get(url) ?? createApiClient({ origin: url, fetch: electronFetch });
      clients.set(url, client);
      return client;
    },
    credentials,
    server: config.serverUrl === null ? null : { url: config.serverUrl, locked: config.serverLocked },
    allowKeepSignedIn: config.allowKeepSignedIn,
    extraExternalOrigins: config.externalOrigins,
    helpUrl: config.helpUrl,
    app: { language, version: app.getVersion() },
    saveServerUrl: (url) => saveUserServerUrl(environment, writeTextFile, url).catch(() => undefined),
    // The flow has already checked the URL against the server's origins.
    openExternal: (url) => shell.openExternal(url),
    now: () => Date.now(),
    log: (message) => console.info(message),
  });

  const windows = createAppWindows({
    preloadPath: PRELOAD,
    language,
    onCodeWindowClosedByPerson: () => void flow.handle({ type: 'cancel' }),
    sendView: (window: BrowserWindow, view: AppView) => window.webContents.send(CHANNELS.state, view),
  });
  registerIpc(flow, windows.isAppWindowContents);
  flow.subscribe((view) => windows.show(view));
  app.on('second-instance', () => {
    const target = windows.code() ?? windows.login;
    if (target.isMinimized()) target.restore();
    target.focus();
  });
  app.on('window-all-closed', () => app.quit());
  await flow.start();
}

main().catch((error: unknown) => {
  console.error('Stepgate could not start:', error instanceof Error ? error.message : error);
  app.exit(1);
});

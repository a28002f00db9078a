/**
 * The Electron main process: wires the sign-in flow (plain Node code) to windows, IPC, the
 * keychain, configuration and Electron's network stack. Everything Electron-specific is here or
 * in a thin adapter beside it; the decisions those adapters carry out are plain functions.
 */
import { app, clipboard, dialog, net, session, shell, type BrowserWindow } from 'electron';
import { hostname } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import buildDefaults from '../build/defaults.json' with { type: 'json' };
import { CHANNELS } from '../shared/ipc/channels.js';
import { serverUrlOf, type AppView } from '../shared/ipc/view.js';
import { messagesFor } from '../shared/messages/catalogue.js';
import { createApiClient, type ApiClient, type FetchLike } from './api/api-client.js';
import { installAppMenu } from './app/app-menu.js';
import { registerAppScheme, serveRenderer } from './app/app-protocol.js';
import { openLogFile, type LogFile, type LogLevel } from './app/log-file.js';
import { startFailureLogLine, startFailureText, type StartFailure } from './app/start-failure.js';
import { uiLanguage } from './app/ui-language.js';
import { logUncaught } from './app/uncaught.js';
import { APP_IDENTITY } from './config/app-identity.js';
import { buildKindOf, devToolsAllowed } from './config/build-kind.js';
import { developmentSwitches } from './config/dev-switches.js';
import { loadConfig, saveUserServerUrl } from './config/load-config.js';
import { nodeConfigEnvironment, readTextFile, writeTextFile } from './config/node-environment.js';
import { diagnosticsService } from './diagnostics/diagnostics-service.js';
import { electronProbes, electronRuntime } from './diagnostics/electron-probes.js';
import { registerIpc } from './ipc/register-ipc.js';
import { DEFAULT_KEYCHAIN_SERVICE, keychainStore, loadKeytar } from './keychain/keytar-store.js';
import { hardenApp } from './security/harden-app.js';
import { refusedRemoteControl } from './security/remote-control.js';
import { SignInFlow } from './signin/sign-in-flow.js';
import { trustedComputerName } from './signin/trusted-computer.js';
import { startLoopbackListener } from './sso/loopback-listener.js';
import { createAppWindows, type AppWindows } from './windows/app-windows.js';
import { currentRaiseMethod } from './windows/display-session.js';
import { raisesItself } from './windows/raise-plan.js';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'renderer');
const PRELOAD = join(here, 'preload.cjs');

// Only the end-to-end bundle is built with this set; release bundles have it false, and the asar
// integrity fuse keeps anyone from changing that after packaging.
const E2E_BUILD = typeof __STEPGATE_E2E_BUILD__ === 'boolean' && __STEPGATE_E2E_BUILD__;
const { switches, ignored } = developmentSwitches({ isPackaged: app.isPackaged, e2eBuild: E2E_BUILD, argv: process.argv.slice(1), env: process.env });
const BUILD_KIND = buildKindOf({ isPackaged: app.isPackaged, e2eBuild: E2E_BUILD });
// A release given remote-debugging, inspector or DevTools switches stops at once (remote-control.ts says why).
const remoteControl = refusedRemoteControl({ kind: BUILD_KIND, argv: process.argv.slice(1), env: process.env, platform: process.platform });

// Before the app is ready: the scheme's privileges, the security baseline, the profile folder, the taskbar identity.
registerAppScheme();
hardenApp({ devTools: devToolsAllowed(BUILD_KIND) });
if (switches.userDataDir !== undefined) app.setPath('userData', switches.userDataDir);
if (process.platform === 'win32') app.setAppUserModelId(APP_IDENTITY.bundleId);

let log: LogFile | null = null;
const record = (level: LogLevel, message: string) => {
  console[level](message);
  log?.write(level, message);
};

logUncaught(process, (line) => record('error', line));

let stopping = false;
function stop(failure: StartFailure): void {
  if (stopping) return;
  stopping = true;
  record('error', startFailureLogLine(failure));
  const text = startFailureText(failure, log?.path ?? null);
  dialog.showErrorBox(text.title, text.message);
  app.exit(1);
}

// A page whose preload failed has no bridge: it would sit blank, so the app says why and stops.
// (A page that does not load, stops or stops answering is app-windows.ts's to recover.)
app.on('web-contents-created', (_event, contents) => {
  contents.on('preload-error', (_preloadEvent, _path, error) => stop({ kind: 'preload', cause: error.message }));
});

// Electron's own network stack: system proxy, PAC files and the OS certificate store apply.
const electronFetch: FetchLike = (input, init) => net.fetch(input instanceof URL ? input.toString() : input, init);

async function main(): Promise<void> {
  if (remoteControl.length > 0) {
    await app.whenReady();
    log = openLogFile({ dir: join(app.getPath('userData'), 'logs') });
    return stop({ kind: 'remoteControl', switches: remoteControl });
  }
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  await app.whenReady();
  const userData = app.getPath('userData');
  log = openLogFile({ dir: join(userData, 'logs') });
  record('info', `Stepgate ${app.getVersion()} starting on ${process.platform} ${process.arch} (${app.isPackaged ? 'installed' : 'development'}${E2E_BUILD ? ', end-to-end build' : ''})`);
  for (const name of ignored) record('warn', `ignored ${name}: development switches are off in installed builds`);

  const environment = nodeConfigEnvironment({
    userSettingsPath: join(userData, 'settings.json'),
    buildDefaults,
    serverOverride: switches.serverOverride,
    policyFile: switches.policyFile,
  });
  const loaded = await loadConfig(environment);
  if (!loaded.ok) return stop({ kind: 'config', failure: loaded.failure });
  const { settings, locked, origins, problems } = loaded.config;
  for (const [key, origin] of Object.entries(origins)) record('info', `setting ${key} comes from ${origin}`);
  for (const problem of problems) record('warn', `ignored setting "${problem.key}" from ${problem.source}: ${problem.reason}`);

  serveRenderer(RENDERER_DIR);

  const language = uiLanguage(settings.language, app.getPreferredSystemLanguages());
  const t = messagesFor(language);
  installAppMenu(t, process.platform);
  app.setAboutPanelOptions({ applicationName: t.appName, applicationVersion: app.getVersion(), credits: t.about.body });

  const raise = currentRaiseMethod();
  record('info', `windows come to the front as on ${raise}`);

  // Loading the module touches no keychain entry: the flow does, after the first window is up.
  const credentials = keychainStore(await loadKeytar((message) => record('error', message)), switches.keychainService ?? DEFAULT_KEYCHAIN_SERVICE);
  const clients = new Map<string, ApiClient>();
  // Assigned below: the windows need the flow's view, the flow needs the windows to come forward.
  let windows: AppWindows | null = null;
  const flow = new SignInFlow({
    apiFor: (url) => {
      const client = clients.get(url) ?? createApiClient({ origin: url, fetch: electronFetch, log: (message) => record('warn', message) });
      clients.set(url, client);
      return client;
    },
    credentials,
    server: settings.serverUrl === null ? null : { url: settings.serverUrl, locked: locked.serverUrl },
    allowKeepSignedIn: settings.allowKeepSignedIn,
    allowTrustedComputer: settings.allowTrustedComputer,
    trustedComputerDays: settings.trustedComputerDays,
    computerName: trustedComputerName(process.platform, hostname()),
    allowPasswordSignIn: settings.allowPasswordSignIn,
    ssoProvider: settings.ssoProvider,
    extraExternalOrigins: settings.externalOrigins,
    helpUrl: settings.helpUrl,
    app: { language, version: app.getVersion() },
    saveServerUrl: (url) =>
      saveUserServerUrl({ readFile: readTextFile, userSettingsPath: environment.userSettingsPath }, writeTextFile, url).catch((error: unknown) =>
        record('warn', `could not save the server address: ${error instanceof Error ? error.message : String(error)}`),
      ),
    // The flow has already checked the URL against the server's origins.
    openExternal: (url) => shell.openExternal(url),
    startLoopback: startLoopbackListener,
    bringToFront: () => windows?.bringForward('browserReturned'),
    raisesItself: raisesItself(raise),
    now: () => Date.now(),
    log: (message) => record('info', message),
  });

  const appWindows = createAppWindows({
    preloadPath: PRELOAD,
    platform: process.platform,
    language,
    devTools: devToolsAllowed(BUILD_KIND),
    currentView: () => flow.view,
    cancelFlow: () => void flow.handle({ type: 'cancel' }),
    sendView: (window: BrowserWindow, view: AppView) => window.webContents.send(CHANNELS.state, view),
    quit: () => app.quit(),
    raise,
    log: (message) => record('warn', message),
  });
  windows = appWindows;
  const diagnostics = diagnosticsService({
    facts: {
      version: app.getVersion(),
      runtime: electronRuntime(),
      sources: loaded.sources,
      policySources: loaded.policy,
      // Read when Diagnostics is collected: the keychain may refuse a write after start.
      get keychain() {
        return credentials.state;
      },
      logFile: log?.path ?? null,
    },
    probes: electronProbes(session.defaultSession, electronFetch),
    currentServer: () => serverUrlOf(flow.view),
    messages: t,
    writeClipboard: (text) => clipboard.writeText(text),
  });
  registerIpc(flow, diagnostics, appWindows.isAppWindowContents);
  flow.subscribe((view) => appWindows.show(view));
  app.on('second-instance', () => appWindows.bringForward('secondInstance'));
  // macOS: a click on the Dock icon reopens the login window when none is open.
  app.on('activate', () => appWindows.bringForward('activate'));
  // Whether closing the last window quits is window-plan.ts's decision (not on macOS).
  app.on('window-all-closed', () => undefined);
  await flow.start();
}

main().catch((error: unknown) => stop({ kind: 'unexpected', cause: error instanceof Error ? error.message : String(error) }));

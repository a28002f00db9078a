/**
 * `npm run preview -- --server URL [--port N]`: the desktop UI in a browser, with the real
 * main-process flow behind it. Prints the address it serves; prints instead of opening any
 * "Open in browser" URL.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import buildDefaults from '../../build/defaults.json' with { type: 'json' };
import { loadConfig } from '../config/load-config.js';
import { nodeConfigEnvironment } from '../config/node-environment.js';
import { DEFAULT_KEYCHAIN_SERVICE, keychainStore, loadKeytar } from '../keychain/keytar-store.js';
import { keychainLogLine } from '../../shared/keychain/keychain-state.js';
import { DEFAULT_RENDERER_DIR, startPreview } from './preview-server.js';

/** The address up to its fragment, and a sign that something was left out. */
const withoutFragment = (url: string): string => (url.includes('#') ? `${url.slice(0, url.indexOf('#'))}#… (one-time code not shown)` : url);

const { values } = parseArgs({
  options: { server: { type: 'string' }, port: { type: 'string' }, settings: { type: 'string' } },
  strict: false,
});

const rendererDir = DEFAULT_RENDERER_DIR;
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The renderer is not built. Run: npm run build:renderer');
  process.exit(1);
}

// The preview keeps its own settings file so it never touches the desktop app's.
const settingsPath = typeof values.settings === 'string' ? values.settings : join(tmpdir(), 'stepgate-preview', 'settings.json');
const serverOverride = typeof values.server === 'string' ? values.server : process.env['STEPGATE_SERVER'];
// A policy.json to try, read instead of this computer's policy, as development runs of the app do.
const policyFile = process.env['STEPGATE_POLICY_FILE'];
const environment = nodeConfigEnvironment({ userSettingsPath: settingsPath, buildDefaults, serverOverride, policyFile: policyFile === '' ? undefined : policyFile });
const loaded = await loadConfig(environment);
if (!loaded.ok) {
  console.error(`Stepgate cannot start: ${loaded.failure.source} ${loaded.failure.cause}`);
  process.exit(1);
}
const config = loaded.config;
for (const problem of config.problems) console.warn(`Ignored setting "${problem.key}" from ${problem.source}: ${problem.reason}`);

const credentials = keychainStore(await loadKeytar((message) => console.warn(message)), process.env['STEPGATE_KEYCHAIN_SERVICE'] ?? DEFAULT_KEYCHAIN_SERVICE);
const keychainLine = keychainLogLine(credentials.state);
if (keychainLine !== null) console.warn(keychainLine);

const preview = await startPreview({
  rendererDir,
  config,
  configEnvironment: environment,
  credentials,
  diagnostics: { sources: loaded.sources, policySources: loaded.policy },
  ...(typeof values.port === 'string' ? { port: Number(values.port) } : {}),
  // A fragment can carry a one-time sign-in code (the hand-off): the terminal gets the address without it.
  onOpenExternal: (url) => console.log(`Open in browser (not opened by the preview): ${withoutFragment(url)}`),
  log: (message) => console.log(message),
});

console.log(config.settings.serverUrl === null ? 'No server configured: the page asks for one.' : `Signing in to ${config.settings.serverUrl}`);
// Last, so the address to open is what the output ends with.
console.log(`Open the Stepgate preview in your browser: ${preview.url}/`);

const stop = () => {
  void preview.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

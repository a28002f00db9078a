/**
 * `npm run dist [-- --e2e]`: builds the renderer and the main process, then packages the app with
 * electron-builder for this platform. Needs the Electron runtime (downloaded by electron-builder).
 */
import { build as buildRenderer } from 'vite';
import { build as packageApp } from 'electron-builder';
import { buildElectronMain } from './build-electron-main.js';
import { builderConfig } from './electron-builder.config.js';

const e2e = process.argv.includes('--e2e');
await buildRenderer({ configFile: 'vite.config.ts', logLevel: 'warn' });
await buildElectronMain();
await packageApp({ config: builderConfig({ e2e }), publish: 'never' });

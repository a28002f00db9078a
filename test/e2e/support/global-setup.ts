/** Builds what the specs run: the renderer always, the Electron main process when Electron can run. */
import { build } from 'vite';
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import { buildElectronMain } from '../../../build/build-electron-main.js';

export default async function globalSetup(): Promise<void> {
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  if (findElectronBinary().ok) await buildElectronMain();
}

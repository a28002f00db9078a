/** Builds what the specs run: the renderer always, the Electron main process when Electron can run; empties the desktop part of the gallery. */
import { build } from 'vite';
import { findElectronBinary } from '../../../electron/launch/electron-binary.js';
import { buildElectronMain } from '../../../build/build-electron-main.js';
import { resetGallery } from '../../support/gallery.js';

export default async function globalSetup(): Promise<void> {
  resetGallery('desktop');
  await build({ configFile: 'vite.config.ts', logLevel: 'warn' });
  if (findElectronBinary().ok) await buildElectronMain();
}

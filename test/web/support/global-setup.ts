/** Builds the browser pages the server serves, so the specs always test the current sources; empties the pages' part of the gallery. */
import { build } from 'vite';
import { resetGallery } from '../../support/gallery.js';

export default async function globalSetup(): Promise<void> {
  resetGallery('pages');
  await build({ configFile: 'vite.web.config.ts', logLevel: 'warn' });
}

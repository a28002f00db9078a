/** After each Playwright run: the gallery's index, covering the pictures of every run so far. */
import { join } from 'node:path';
import { GALLERY_DIR, writeGalleryIndex } from './gallery.js';

export default function galleryTeardown(): void {
  const count = writeGalleryIndex();
  console.log(`Screenshot gallery: ${join(GALLERY_DIR, 'index.html')} (${count} screenshots)`);
}

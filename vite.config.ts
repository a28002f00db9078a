/**
 * Builds the renderer: one page and one bundle for every window, with relative asset paths so
 * the same output is served by Electron's app:// protocol and by the browser preview.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CODE_DIGITS } from './shared/api/schemas.js';
import { en } from './shared/messages/en.js';

/** Words in the static HTML come from the message catalogue too: %en.code.heading% and the like. */
function catalogueText(): Plugin {
  const texts: Readonly<Record<string, string>> = {
    'en.windowTitle.code': en.windowTitle.code,
    'en.code.heading': en.code.heading,
    'en.code.intro': en.code.intro(CODE_DIGITS),
    'en.code.label': en.code.label(CODE_DIGITS),
  };
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  return {
    name: 'stepgate-catalogue-text',
    transformIndexHtml: (html) =>
      html.replace(/%(en\.[A-Za-z.]+)%/g, (token, key: string) => {
        const text = texts[key];
        if (text === undefined) throw new Error(`unknown catalogue text ${token}`);
        return escape(text);
      }),
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), catalogueText()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: false,
    // No inline <script> or data: modules: the CSP allows only 'self'.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    // index.html: the login window and the browser preview; code.html: Electron's code window.
    rollupOptions: { input: { index: 'renderer/index.html', code: 'renderer/code.html' } },
  },
});

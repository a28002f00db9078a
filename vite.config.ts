/**
 * Builds the renderer: one page and one bundle for every window, with relative asset paths so
 * the same output is served by Electron's app:// protocol and by the browser preview.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { CODE_DIGITS } from './shared/api/schemas.js';
import { codePageFile } from './shared/ipc/code-window.js';
import { messagesFor } from './shared/messages/catalogue.js';
import { LANGUAGES, type Language } from './shared/messages/language.js';

/**
 * Words in the code window's static first frame come from the message catalogue too: code.html is
 * written once with %t.code.heading% and the like, and built once per language (code.html in
 * English, code-fi.html in Finnish), so the window's first frame already speaks its language.
 */
function codePagePerLanguage(): Plugin {
  const texts = (language: Language): Readonly<Record<string, string>> => {
    const t = messagesFor(language);
    return {
      'lang': language,
      't.windowTitle.code': t.windowTitle.code,
      't.code.heading': t.code.heading,
      't.code.intro': t.code.intro(CODE_DIGITS),
      't.code.label': t.code.label(CODE_DIGITS),
    };
  };
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const fill = (html: string, language: Language) =>
    html.replace(/%(lang|t\.[A-Za-z.]+)%/g, (token, key: string) => {
      const text = texts(language)[key];
      if (text === undefined) throw new Error(`unknown catalogue text ${token}`);
      return escape(text);
    });
  return {
    name: 'stepgate-code-page-per-language',
    apply: 'build',
    // After Vite's own HTML plugin has written the page with its hashed script names.
    generateBundle: { order: 'post', handler(_options, bundle) {
      const template = bundle['code.html'];
      if (template === undefined || template.type !== 'asset') throw new Error('code.html was not built');
      const html = String(template.source);
      for (const language of LANGUAGES) {
        const fileName = codePageFile(language);
        if (fileName === 'code.html') template.source = fill(html, language);
        else this.emitFile({ type: 'asset', fileName, source: fill(html, language) });
      }
    } },
  };
}

export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: 'public',
  plugins: [react(), codePagePerLanguage()],
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

/**
 * Builds the browser pages that the reference server serves at /signin, /enroll, /settings and
 * /admin: one HTML shell and hashed bundles under /assets/, nothing inline (the pages' CSP
 * allows only 'self' scripts and styles).
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer/web',
  base: '/',
  // The favicon, shared with the desktop renderer; the server sends it at /favicon.svg and /favicon.ico.
  publicDir: '../public',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});

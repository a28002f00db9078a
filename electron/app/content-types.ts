import { extname } from 'node:path';

/** The renderer's built files, for the app:// protocol and the browser preview alike. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

/** Undefined for anything the renderer build does not produce: such files are not served. */
export function contentTypeOf(file: string): string | undefined {
  return CONTENT_TYPES[extname(file)];
}

/** Where app:// URLs point: files of the built renderer, and nothing outside it. */
import { join, normalize, sep } from 'node:path';

export const APP_SCHEME = 'app';
export const APP_HOST = 'stepgate';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

/** Maps an app:// URL onto a file under `root`, or null when it points anywhere else. */
export function resolveAppPath(root: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  let relative: string;
  try {
    relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
  } catch {
    return null;
  }
  const base = normalize(root);
  const file = normalize(join(base, relative));
  return file.startsWith(base.endsWith(sep) ? base : base + sep) ? file : null;
}

/** Is this a page of the app itself (the only pages that may navigate, or talk to the main process)? */
export function isAppUrl(url: string): boolean {
  try {
    // Not `.origin`: Node's URL gives custom schemes the opaque origin "null".
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export const API_PREFIX = '/api/v1';

/** The absolute form of a request target (GET http://host/api/v1/... HTTP/1.1) names the same place. */
const ABSOLUTE_FORM = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/[^/?#]*/;

/**
 * Whether a request target (path and query, as sent) is under the API, whose every answer is
 * api.md's error body; everything else on the site answers errors in plain text.
 */
export function isApiTarget(target: string): boolean {
  const path = target.replace(ABSOLUTE_FORM, '');
  return path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) || path.startsWith(`${API_PREFIX}?`);
}

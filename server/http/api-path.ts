export const API_PREFIX = '/api/v1';

/**
 * Whether a request target (path and query, as sent) is under the API, whose every answer is
 * api.md's error body; everything else on the site answers errors in plain text.
 */
export function isApiTarget(target: string): boolean {
  return target === API_PREFIX || target.startsWith(`${API_PREFIX}/`) || target.startsWith(`${API_PREFIX}?`);
}

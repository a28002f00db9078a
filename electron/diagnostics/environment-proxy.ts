/**
 * The proxy that applies to the server outside Electron (the browser preview, plain Node): Node's
 * fetch connects directly, unless NODE_USE_ENV_PROXY=1 on a Node that knows it (22.21+, 24.5+)
 * tells it to follow HTTPS_PROXY, HTTP_PROXY and NO_PROXY. Either way the report names what those
 * variables select, without the user name and password a proxy address may carry.
 */
import { getProxyForUrl } from 'proxy-from-env';
import type { ProxyReport } from '../../shared/ipc/diagnostics.js';

/** A proxy address without credentials: http://alice:secret@proxy:3128 becomes http://proxy:3128. */
export function withoutCredentials(proxy: string): string {
  try {
    const url = new URL(proxy);
    // "alice:secret@proxy:3128" parses as the scheme "alice" and an opaque path holding the password.
    if (url.host === '' || !/^(https?|socks[45]?h?):$/.test(url.protocol)) throw new Error('not a proxy address');
    url.username = '';
    url.password = '';
    return url.href.replace(/\/$/, '');
  } catch {
    // Not a URL, so nothing can be told apart from a secret in it.
    return '(not a valid address)';
  }
}

/** Whether this Node's fetch follows the proxy variables. */
export function fetchUsesEnvironmentProxy(nodeVersion: string, env: NodeJS.ProcessEnv): boolean {
  if (env['NODE_USE_ENV_PROXY'] !== '1') return false;
  const [major = 0, minor = 0] = nodeVersion.split('.').map(Number);
  return major > 24 || (major === 24 && minor >= 5) || (major === 22 && minor >= 21);
}

/** proxy-from-env reads the proxy variables from process.env itself. */
export function environmentProxy(serverUrl: string, nodeVersion = process.versions.node): ProxyReport {
  const selected = getProxyForUrl(serverUrl);
  const proxy = selected === '' ? null : withoutCredentials(selected);
  if (proxy !== null && fetchUsesEnvironmentProxy(nodeVersion, process.env)) return { kind: 'environment', proxy };
  return { kind: 'direct', unusedEnvironmentProxy: proxy };
}

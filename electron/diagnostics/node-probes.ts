/**
 * The probes outside Electron (the browser preview): Node's fetch for the clock, a direct TLS
 * connection for the certificate, the environment's proxy variables for the proxy.
 */
import type { FetchLike } from '../api/api-client.js';
import { readCertificate } from './certificate-issuer.js';
import { measureClockOffset } from './clock-offset.js';
import { PROBE_TIMEOUT_MS, type DiagnosticsProbes } from './collect-diagnostics.js';
import { environmentProxy } from './environment-proxy.js';

export function nodeProbes(fetchFn: FetchLike = fetch, now: () => number = Date.now): DiagnosticsProbes {
  return {
    resolveProxy: async (serverUrl) => environmentProxy(serverUrl),
    readCertificate: (serverUrl) => readCertificate(serverUrl, PROBE_TIMEOUT_MS),
    measureClock: (serverUrl) => measureClockOffset({ fetch: fetchFn, now, timeoutMs: PROBE_TIMEOUT_MS }, serverUrl),
  };
}

/** "linux x64, browser preview on Node 20.19.0" */
export const previewRuntime = (): string => `${process.platform} ${process.arch}, browser preview on Node ${process.versions.node}`;

/**
 * The probes inside Electron: the proxy Chromium resolves for the server (system settings, PAC
 * files, WPAD), the clock from an answer fetched through Electron's own network stack, and the
 * certificate from a direct TLS connection in the main process.
 */
import type { Session } from 'electron';
import type { FetchLike } from '../api/api-client.js';
import { readCertificate } from './certificate-issuer.js';
import { measureClockOffset } from './clock-offset.js';
import { PROBE_TIMEOUT_MS, type DiagnosticsProbes } from './collect-diagnostics.js';

export function electronProbes(session: Pick<Session, 'resolveProxy'>, fetchFn: FetchLike): DiagnosticsProbes {
  return {
    resolveProxy: async (serverUrl) => ({ kind: 'resolved', rule: await session.resolveProxy(serverUrl) }),
    readCertificate: (serverUrl) => readCertificate(serverUrl, PROBE_TIMEOUT_MS),
    measureClock: (serverUrl) => measureClockOffset({ fetch: fetchFn, now: Date.now, timeoutMs: PROBE_TIMEOUT_MS }, serverUrl),
  };
}

/** "win32 x64, Electron 45.6.1" */
export const electronRuntime = (): string => `${process.platform} ${process.arch}, Electron ${process.versions.electron ?? '?'}`;

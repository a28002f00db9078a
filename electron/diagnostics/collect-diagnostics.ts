/**
 * Gathers the diagnostics: the facts the app already holds (version, where the server address came
 * from, what each policy source read came to, the keychain, the log file) and three probes of the
 * way to the server (proxy, certificate, clock), run side by side. The probes are given, so this
 * runs unchanged in Electron, in the browser preview and in plain Node tests. A probe that fails or
 * takes too long is reported with its cause; it never fails the whole report.
 */
import type { KeychainState } from '../../shared/keychain/keychain-state.js';
import type { CertificateReport, ClockReport, Diagnostics, PolicySourceReport, ProxyReport, ServerOrigin } from '../../shared/ipc/diagnostics.js';
import { assertNever } from '../../shared/util/assert-never.js';
import type { ConfigSource } from '../config/resolve-config.js';
import { causeOf } from './probe-cause.js';

export interface DiagnosticsProbes {
  readonly resolveProxy: (serverUrl: string) => Promise<ProxyReport>;
  readonly readCertificate: (serverUrl: string) => Promise<CertificateReport>;
  readonly measureClock: (serverUrl: string) => Promise<ClockReport>;
}

export interface DiagnosticsFacts {
  readonly version: string;
  readonly runtime: string;
  /** The configuration sources the app started with, highest first. */
  readonly sources: readonly ConfigSource[];
  readonly policySources: readonly PolicySourceReport[];
  /** As the notice and the log line say it (shared/keychain). */
  readonly keychain: KeychainState;
  readonly logFile: string | null;
}

/** Every probe answers within this, so the About view never waits on a hung proxy script or server. */
export const PROBE_TIMEOUT_MS = 5_000;

/** Where the address in use came from: the source that gave it at start, or the person, who typed another since. */
export function serverOrigin(serverUrl: string, sources: readonly ConfigSource[]): ServerOrigin {
  const source = sources.find((s) => s.values.serverUrl !== undefined);
  if (source === undefined || source.values.serverUrl !== serverUrl) return 'enteredNow';
  switch (source.kind) {
    case 'policy':
      return 'policy';
    case 'commandLine':
      return 'developmentSwitch';
    case 'userSettings':
      return 'userSettings';
    case 'buildDefaults':
      return 'buildDefaults';
    default:
      return assertNever(source.kind);
  }
}

async function settle<T>(probe: () => Promise<T | { readonly kind: 'failed'; readonly cause: string }>, timeoutMs: number): Promise<T | { readonly kind: 'failed'; readonly cause: string }> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<{ readonly kind: 'failed'; readonly cause: string }>((resolve) => {
    timer = setTimeout(() => resolve({ kind: 'failed', cause: 'no answer in time' }), timeoutMs);
  });
  try {
    return await Promise.race([probe().catch((error: unknown) => ({ kind: 'failed' as const, cause: causeOf(error) })), late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function collectDiagnostics(
  facts: DiagnosticsFacts,
  probes: DiagnosticsProbes,
  serverUrl: string | null,
  now: () => Date = () => new Date(),
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<Diagnostics> {
  const collectedAt = now().toISOString();
  const server =
    serverUrl === null
      ? null
      : await Promise.all([
          settle(() => probes.resolveProxy(serverUrl), timeoutMs),
          settle(() => probes.readCertificate(serverUrl), timeoutMs),
          settle(() => probes.measureClock(serverUrl), timeoutMs),
        ]).then(([proxy, certificate, clock]) => ({ url: serverUrl, origin: serverOrigin(serverUrl, facts.sources), proxy, certificate, clock }));
  return {
    version: facts.version,
    runtime: facts.runtime,
    collectedAt,
    server,
    policySources: facts.policySources,
    keychain: facts.keychain,
    logFile: facts.logFile,
  };
}

/**
 * What the About view shows IT support, and "Copy diagnostics" puts on the clipboard: facts about
 * this installation and its way to the server. By construction it holds no password, code,
 * session token or other secret: none of its fields can carry one, and proxy addresses lose any
 * user name and password before they get here.
 */
import type { KeychainState } from '../keychain/keychain-state.js';

/** Where the server address came from, highest precedence first. */
export type ServerOrigin = 'policy' | 'developmentSwitch' | 'userSettings' | 'buildDefaults' | 'enteredNow';

/** What reading one policy source came to (see electron/config/policy-read.ts). */
export type PolicyOutcome =
  | { readonly kind: 'absent' }
  /** `keys`: the settings it sets; `ignored`: names it carries that were reported and ignored. */
  | { readonly kind: 'values'; readonly keys: readonly string[]; readonly ignored: readonly string[] }
  | { readonly kind: 'unreadable'; readonly cause: string };

export interface PolicySourceReport {
  /** e.g. /etc/stepgate/policy.json or HKLM\Software\Policies\Stepgate\Stepgate */
  readonly source: string;
  readonly outcome: PolicyOutcome;
}

/** A probe that could not finish says why, in the words of the layer that refused. */
export interface ProbeFailure {
  readonly kind: 'failed';
  readonly cause: string;
}

export type ProxyReport =
  /** Electron's answer for the server's address, as `session.resolveProxy` gives it: "DIRECT", "PROXY host:port; DIRECT", … */
  | { readonly kind: 'resolved'; readonly rule: string }
  /** Plain Node (the browser preview): its fetch connects directly; `unusedEnvironmentProxy`: what HTTPS_PROXY and friends name for the server, which it does not use. */
  | { readonly kind: 'direct'; readonly unusedEnvironmentProxy: string | null }
  /** Plain Node that honours the environment's proxy variables (NODE_USE_ENV_PROXY=1). */
  | { readonly kind: 'environment'; readonly proxy: string }
  | ProbeFailure;

export type CertificateReport =
  /** Plain http, which the app allows only for this computer. */
  | { readonly kind: 'notTls' }
  | { readonly kind: 'certificate'; readonly issuer: string; readonly subject: string; readonly validTo: string }
  | ProbeFailure;

export type ClockReport =
  /** Server time minus this computer's time, in whole seconds (the Date header counts in seconds). */
  | { readonly kind: 'offset'; readonly seconds: number }
  | ProbeFailure;

export interface ServerReport {
  readonly url: string;
  readonly origin: ServerOrigin;
  readonly proxy: ProxyReport;
  readonly certificate: CertificateReport;
  readonly clock: ClockReport;
}

export interface Diagnostics {
  readonly version: string;
  /** e.g. "linux x64, Electron 45.6.1" or "linux x64, browser preview on Node 20.19.0" */
  readonly runtime: string;
  /** When collected, ISO 8601 in UTC. */
  readonly collectedAt: string;
  /** null before any server address is known (the app is asking for one). */
  readonly server: ServerReport | null;
  readonly policySources: readonly PolicySourceReport[];
  /** As the notice and the log line say it (shared/keychain). */
  readonly keychain: KeychainState;
  /** null where the app writes no log file (the browser preview logs to its console). */
  readonly logFile: string | null;
}

/**
 * The diagnostics as labelled lines in the app's language: what the About view lists and, joined as
 * plain text, what "Copy diagnostics" puts on the clipboard, so IT support gets exactly what the
 * person saw.
 */
import type { CertificateReport, ClockReport, Diagnostics, PolicySourceReport, ProxyReport } from '../ipc/diagnostics.js';
import type { KeychainCause, KeychainState } from '../keychain/keychain-state.js';
import type { Messages } from '../messages/en.js';
import { assertNever } from '../util/assert-never.js';

export interface DiagnosticsLine {
  readonly label: string;
  readonly value: string;
}

type Words = Messages['diagnostics'];

function proxyText(report: ProxyReport, w: Words): string {
  switch (report.kind) {
    case 'resolved':
      return report.rule;
    case 'direct':
      return report.unusedEnvironmentProxy === null ? w.proxyDirect : w.proxyUnused(report.unusedEnvironmentProxy);
    case 'environment':
      return w.proxyEnvironment(report.proxy);
    case 'failed':
      return w.failed(report.cause);
    default:
      return assertNever(report);
  }
}

function certificateText(report: CertificateReport, w: Words): string {
  switch (report.kind) {
    case 'notTls':
      return w.notTls;
    case 'certificate':
      return [w.issuedBy(report.issuer), w.issuedTo(report.subject), w.validUntil(report.validTo)].join(', ');
    case 'failed':
      return w.failed(report.cause);
    default:
      return assertNever(report);
  }
}

function clockText(report: ClockReport, w: Words): string {
  switch (report.kind) {
    case 'offset':
      // The Date header counts whole seconds, so a second either way is no difference.
      if (Math.abs(report.seconds) <= 1) return w.clockInStep;
      return report.seconds > 0 ? w.clockBehind(report.seconds) : w.clockAhead(-report.seconds);
    case 'failed':
      return w.failed(report.cause);
    default:
      return assertNever(report);
  }
}

function policyText({ source, outcome }: PolicySourceReport, w: Words): string {
  switch (outcome.kind) {
    case 'absent':
      return `${source}: ${w.policyAbsent}`;
    case 'unreadable':
      return `${source}: ${w.policyUnreadable(outcome.cause)}`;
    case 'values': {
      const sets = outcome.keys.length === 0 ? w.policyEmpty : w.policyValues(outcome.keys.join(', '));
      return `${source}: ${outcome.ignored.length === 0 ? sets : `${sets}; ${w.policyIgnored(outcome.ignored.join(', '))}`}`;
    }
    default:
      return assertNever(outcome);
  }
}

export function diagnosticsLines(d: Diagnostics, t: Messages): readonly DiagnosticsLine[] {
  const w = t.diagnostics;
  const l = w.label;
  const server: DiagnosticsLine[] =
    d.server === null
      ? [{ label: l.server, value: w.noServer }]
      : [
          { label: l.server, value: d.server.url },
          { label: l.serverOrigin, value: w.origin[d.server.origin] },
          { label: l.proxy, value: proxyText(d.server.proxy, w) },
          { label: l.certificate, value: certificateText(d.server.certificate, w) },
          { label: l.clock, value: clockText(d.server.clock, w) },
        ];
  const policy = d.policySources.length === 0 ? [{ label: l.policy, value: w.policyNone }] : d.policySources.map((p) => ({ label: l.policy, value: policyText(p, w) }));
  return [
    { label: l.version, value: d.version },
    { label: l.runtime, value: d.runtime },
    { label: l.collectedAt, value: d.collectedAt },
    ...server,
    ...policy,
    { label: l.keychain, value: keychainText(d.keychain, w) },
    { label: l.logFile, value: d.logFile ?? w.noLogFile },
  ];
}

/** Plain text for a support ticket: a title line, then one "label: value" line each. */
export function diagnosticsText(d: Diagnostics, t: Messages): string {
  return [t.diagnostics.title, ...diagnosticsLines(d, t).map((line) => `${line.label}: ${line.value}`)].join('\n') + '\n';
}

/** The keychain's state in the same terms as the notice: never "available" once a write was refused. */
function keychainText(state: KeychainState, w: Messages['diagnostics']): string {
  if (state.kind === 'available') return w.keychainAvailable;
  if (state.kind === 'unchecked') return w.keychainUnchecked;
  const byCause: Readonly<Record<KeychainCause, string>> = { noModule: w.keychainMissing, keyringRefused: w.keyringRefused, writeRefused: w.keychainRefused };
  return byCause[state.cause];
}

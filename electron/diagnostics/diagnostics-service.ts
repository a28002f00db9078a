/**
 * What the IPC handlers and the preview's routes call: collect the diagnostics for the server in
 * use, and copy them as text in the app's language. Copying takes the report last shown, so the
 * clipboard gets what the person saw; it collects afresh only when there is none for this server.
 */
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import { diagnosticsText } from '../../shared/diagnostics/diagnostics-lines.js';
import type { Messages } from '../../shared/messages/en.js';
import { collectDiagnostics, type DiagnosticsFacts, type DiagnosticsProbes } from './collect-diagnostics.js';

export interface DiagnosticsServiceOptions {
  readonly facts: DiagnosticsFacts;
  readonly probes: DiagnosticsProbes;
  /** The server the app talks to now, or null while it asks for one. */
  readonly currentServer: () => string | null;
  readonly messages: Messages;
  readonly writeClipboard: (text: string) => void | Promise<void>;
}

export interface DiagnosticsService {
  collect(): Promise<Diagnostics>;
  copy(): Promise<void>;
}

export function diagnosticsService(options: DiagnosticsServiceOptions): DiagnosticsService {
  let last: Diagnostics | null = null;
  const collect = async () => {
    last = await collectDiagnostics(options.facts, options.probes, options.currentServer());
    return last;
  };
  return {
    collect,
    copy: async () => {
      const shown = last !== null && (last.server?.url ?? null) === options.currentServer() ? last : await collect();
      await options.writeClipboard(diagnosticsText(shown, options.messages));
    },
  };
}

/**
 * The API the renderer sees, the same whether the preload provides it over Electron IPC or the
 * browser preview provides it over HTTP. Adding a call means: the intent schema, the handler in
 * the main process, and nothing else, because both bridges carry every intent on one channel.
 * The diagnostics are apart from the sign-in flow: they take no arguments and change no state.
 */
import type { Diagnostics } from './diagnostics.js';
import type { Intent } from './intents.js';
import type { AppView } from './view.js';

export interface StepgateBridge {
  /** A view available without waiting, when the bridge has one (the preview embeds it in the page). */
  readonly initialView?: AppView | null;
  getState(): Promise<AppView>;
  send(intent: Intent): Promise<void>;
  /** Returns a function that stops listening. */
  onState(listener: (view: AppView) => void): () => void;
  /** Collects the diagnostics for the server in use (a few seconds at most). */
  diagnostics(): Promise<Diagnostics>;
  /** Puts the diagnostics last collected on the clipboard as plain text in the app's language. */
  copyDiagnostics(): Promise<void>;
}

/** Name of the global the preload exposes with contextBridge. */
export const BRIDGE_GLOBAL = 'stepgate';

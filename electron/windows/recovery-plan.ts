/**
 * What the app does when a window's page cannot load, its renderer stops or stops answering: a
 * person always ends up with a message that says what happened and a way on (try again, wait,
 * quit), and the log says why. A renderer that stops is reloaded at once, since the sign-in flow
 * lives in the main process and the reloaded page asks for it again; the third stop within a
 * minute is a crash loop, and then the app stops reloading by itself and says so.
 * window-recovery.ts carries the answer out.
 */
import { assertNever } from '../../shared/util/assert-never.js';

/** Chromium's net error for a load replaced by another (a reload, a navigation): not a failure. */
export const ERR_ABORTED = -3;
export const CRASH_LOOP_COUNT = 3;
export const CRASH_LOOP_WINDOW_MS = 60_000;

/** As Electron's RenderProcessGoneDetails names them. */
export type RendererGoneReason = 'clean-exit' | 'abnormal-exit' | 'killed' | 'crashed' | 'oom' | 'launch-failed' | 'integrity-failure' | 'memory-eviction';

export type WindowTrouble =
  /** `did-fail-load`; `code` is Chromium's net error number, `description` its name (ERR_…). */
  | { readonly kind: 'loadFailed'; readonly code: number; readonly description: string; readonly mainFrame: boolean }
  /** loadURL's promise was rejected; `code` is null when the error carries no number. */
  | { readonly kind: 'loadRejected'; readonly code: number | null; readonly description: string }
  /** `render-process-gone`; `byApp` when the app itself ended a renderer that stopped answering, to reload it. */
  | { readonly kind: 'rendererGone'; readonly reason: RendererGoneReason; readonly exitCode: number; readonly byApp: boolean }
  | { readonly kind: 'unresponsive' };

/** The message a person sees. */
export type RecoveryMessage =
  | { readonly kind: 'loadFailed'; readonly description: string }
  | { readonly kind: 'reopened'; readonly reason: RendererGoneReason }
  | { readonly kind: 'crashLoop'; readonly count: number }
  | { readonly kind: 'unresponsive' };

/** The buttons under it, in order; the first is the default, and closing the message chooses it too. */
export type RecoveryChoice = 'tryAgain' | 'wait' | 'reload' | 'ok' | 'quit';

export type Recovery =
  | { readonly kind: 'ignore' }
  | {
      readonly kind: 'tell';
      readonly message: RecoveryMessage;
      readonly choices: readonly RecoveryChoice[];
      /** Reload the window's page before the person answers (a renderer that stopped, below the loop limit). */
      readonly reloadNow: boolean;
    };

export interface RecoveryPlan {
  /** When renderers stopped within the last minute, oldest first, this one included. */
  readonly crashes: readonly number[];
  readonly recovery: Recovery;
}

const IGNORE: Recovery = { kind: 'ignore' };
const RETRY_OR_QUIT: readonly RecoveryChoice[] = ['tryAgain', 'quit'];

export function planRecovery(trouble: WindowTrouble, crashes: readonly number[], now: number): RecoveryPlan {
  const recent = crashes.filter((at) => now - at < CRASH_LOOP_WINDOW_MS);
  switch (trouble.kind) {
    case 'loadFailed':
      // A frame inside the page, or a load replaced by a reload, is nothing the person has to know.
      if (!trouble.mainFrame || trouble.code === ERR_ABORTED) return { crashes: recent, recovery: IGNORE };
      return { crashes: recent, recovery: { kind: 'tell', message: { kind: 'loadFailed', description: trouble.description }, choices: RETRY_OR_QUIT, reloadNow: false } };
    case 'loadRejected':
      if (trouble.code === ERR_ABORTED) return { crashes: recent, recovery: IGNORE };
      return { crashes: recent, recovery: { kind: 'tell', message: { kind: 'loadFailed', description: trouble.description }, choices: RETRY_OR_QUIT, reloadNow: false } };
    case 'rendererGone': {
      if (trouble.reason === 'clean-exit' || trouble.byApp) return { crashes: recent, recovery: IGNORE };
      const counted = [...recent, now];
      if (counted.length >= CRASH_LOOP_COUNT) {
        return { crashes: counted, recovery: { kind: 'tell', message: { kind: 'crashLoop', count: counted.length }, choices: RETRY_OR_QUIT, reloadNow: false } };
      }
      return { crashes: counted, recovery: { kind: 'tell', message: { kind: 'reopened', reason: trouble.reason }, choices: ['ok', 'quit'], reloadNow: true } };
    }
    case 'unresponsive':
      return { crashes: recent, recovery: { kind: 'tell', message: { kind: 'unresponsive' }, choices: ['wait', 'reload', 'quit'], reloadNow: false } };
    default:
      return assertNever(trouble);
  }
}

/** What the chosen button does; an answer outside the buttons (the message closed by the app) chooses the first. */
export type RecoveryAction = 'reload' | 'quit' | 'nothing';

export function actionOf(choices: readonly RecoveryChoice[], response: number): RecoveryAction {
  const choice = choices[response] ?? choices[0] ?? 'ok';
  switch (choice) {
    case 'tryAgain':
    case 'reload':
      return 'reload';
    case 'quit':
      return 'quit';
    case 'wait':
    case 'ok':
      return 'nothing';
    default:
      return assertNever(choice);
  }
}

/** One line for the log: what happened to which window and what the app does. Never any page content. */
export function recoveryLogLine(window: string, trouble: WindowTrouble, recovery: Recovery): string {
  const what = ((): string => {
    switch (trouble.kind) {
      case 'loadFailed':
        return `the ${trouble.mainFrame ? 'page' : 'frame'} did not load: ${trouble.description} (${trouble.code})`;
      case 'loadRejected':
        return `loading the page failed: ${trouble.description}${trouble.code === null ? '' : ` (${trouble.code})`}`;
      case 'rendererGone':
        return `the renderer stopped: ${trouble.reason} (exit code ${trouble.exitCode})${trouble.byApp ? ', ended by the app to reload it' : ''}`;
      case 'unresponsive':
        return 'the page stopped responding';
      default:
        return assertNever(trouble);
    }
  })();
  const then = ((): string => {
    if (recovery.kind === 'ignore') return 'nothing to do';
    switch (recovery.message.kind) {
      case 'loadFailed':
        return 'asking to try again';
      case 'reopened':
        return 'reloaded it';
      case 'crashLoop':
        return `${recovery.message.count} stops within a minute: no longer reloading by itself, asking to try again`;
      case 'unresponsive':
        return 'asking to wait or reload';
      default:
        return assertNever(recovery.message);
    }
  })();
  return `${window} window: ${what}; ${then}`;
}

/**
 * Whether a new message replaces the one a window shows now (null: none): a window shows one at a
 * time, the newest news, but a failed load reported twice (the event and loadURL's promise) is one.
 */
export function replacesShown(shown: RecoveryMessage['kind'] | null, next: RecoveryMessage): boolean {
  return shown !== next.kind;
}

/** Closing the "not responding" message once the page answers again: only that message. */
export function closesOnResponsive(shown: RecoveryMessage['kind'] | null): boolean {
  return shown === 'unresponsive';
}

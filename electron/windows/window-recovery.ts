/**
 * Carries out recovery-plan.ts for the app's windows: loads each window's page, watches it for a
 * failed load, a renderer that stops or stops answering, and shows the message box against the
 * window (one at a time). "Try again" loads the window's app page again; the sign-in flow is the
 * main process's, so the new page asks for it and goes on where it was.
 */
import type { BrowserWindow, MessageBoxOptions, MessageBoxReturnValue } from 'electron';
import type { Messages } from '../../shared/messages/en.js';
import { assertNever } from '../../shared/util/assert-never.js';
import { actionOf, closesOnResponsive, planRecovery, recoveryLogLine, replacesShown, type RecoveryMessage, type WindowTrouble } from './recovery-plan.js';
import { recoveryText } from './recovery-text.js';

export interface WindowRecovery {
  /** Loads `url` into the window and watches it from now on; `reveal` puts a window not yet shown on screen. */
  load(window: BrowserWindow, name: string, url: string, reveal: () => void): void;
}

/** What a rejected loadURL says: Electron's error carries Chromium's net error as `errno` and `code`. */
function rejection(error: unknown): WindowTrouble {
  const fields = (typeof error === 'object' && error !== null ? error : {}) as { readonly errno?: unknown; readonly code?: unknown; readonly message?: unknown };
  const description = typeof fields.code === 'string' ? fields.code : typeof fields.message === 'string' ? fields.message : String(error);
  return { kind: 'loadRejected', code: typeof fields.errno === 'number' ? fields.errno : null, description };
}

export function windowRecovery(options: {
  readonly messages: Messages;
  readonly log: (line: string) => void;
  readonly quit: () => void;
  /** Electron's dialog.showMessageBox. */
  readonly showMessageBox: (window: BrowserWindow, options: MessageBoxOptions) => Promise<MessageBoxReturnValue>;
  readonly now?: () => number;
}): WindowRecovery {
  const now = options.now ?? (() => Date.now());
  // Shared by the windows: a crash loop is the app's, whichever window's renderer stops.
  let crashes: readonly number[] = [];

  return {
    load(window, name, url, reveal) {
      let shown: { readonly kind: RecoveryMessage['kind']; readonly controller: AbortController } | null = null;
      // Set when the app ends a renderer that stopped answering, so its going is not counted as a crash.
      let endingRenderer = false;

      const load = () => {
        if (!window.isDestroyed()) window.loadURL(url).catch((error: unknown) => handle(rejection(error)));
      };

      const handle = (trouble: WindowTrouble) => {
        if (window.isDestroyed()) return;
        const plan = planRecovery(trouble, crashes, now());
        crashes = plan.crashes;
        const recovery = plan.recovery;
        options.log(recoveryLogLine(name, trouble, recovery));
        if (recovery.kind === 'ignore') return;
        if (recovery.reloadNow) load();
        if (!replacesShown(shown?.kind ?? null, recovery.message)) return;
        shown?.controller.abort();
        const current = { kind: recovery.message.kind, controller: new AbortController() };
        shown = current;
        reveal();
        const text = recoveryText(recovery.message, recovery.choices, options.messages);
        void options
          .showMessageBox(window, {
            type: recovery.message.kind === 'reopened' ? 'warning' : 'error',
            title: options.messages.appName,
            message: text.message,
            detail: text.detail,
            buttons: [...text.buttons],
            defaultId: 0,
            cancelId: 0,
            noLink: true,
            signal: current.controller.signal,
          })
          .then(({ response }) => {
            // A message replaced by a newer one, or closed because the page answers again, decides nothing.
            if (shown !== current || current.controller.signal.aborted) return;
            shown = null;
            if (window.isDestroyed()) return;
            const action = actionOf(recovery.choices, response);
            options.log(`${name} window: the person chose ${action === 'nothing' ? 'to go on' : action}`);
            switch (action) {
              case 'reload':
                if (recovery.message.kind === 'unresponsive') {
                  // A page that does not answer would not take the new load either.
                  endingRenderer = true;
                  window.webContents.forcefullyCrashRenderer();
                }
                load();
                return;
              case 'quit':
                options.quit();
                return;
              case 'nothing':
                return;
              default:
                return assertNever(action);
            }
          });
      };

      window.webContents.on('did-fail-load', (_event, code, description, _url, mainFrame) => handle({ kind: 'loadFailed', code, description, mainFrame }));
      window.webContents.on('render-process-gone', (_event, details) => {
        const byApp = endingRenderer;
        endingRenderer = false;
        handle({ kind: 'rendererGone', reason: details.reason, exitCode: details.exitCode, byApp });
      });
      window.on('unresponsive', () => handle({ kind: 'unresponsive' }));
      window.on('responsive', () => {
        if (shown === null || !closesOnResponsive(shown.kind)) return;
        options.log(`${name} window: the page responds again`);
        shown.controller.abort();
        shown = null;
      });
      load();
    },
  };
}

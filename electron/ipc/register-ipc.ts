/**
 * The main process end of the IPC contract: one handler for intents, one for the current view, two
 * for the diagnostics. Every message is checked to come from an app page in one of the app's
 * windows, and every payload is validated against the contract before anything acts on it.
 */
import { ipcMain } from 'electron';
import { CHANNELS } from '../../shared/ipc/channels.js';
import type { Diagnostics } from '../../shared/ipc/diagnostics.js';
import { isIntent } from '../../shared/ipc/intents.js';
import type { AppView } from '../../shared/ipc/view.js';
import type { DiagnosticsService } from '../diagnostics/diagnostics-service.js';
import type { SignInFlow } from '../signin/sign-in-flow.js';
import { isTrustedArgumentlessCall, isTrustedSender } from './trusted-sender.js';

export function registerIpc(flow: SignInFlow, diagnostics: DiagnosticsService, isAppWindowContents: (id: number) => boolean): void {
  ipcMain.handle(CHANNELS.getState, (event): AppView => {
    if (!isTrustedSender(event, isAppWindowContents)) throw new Error('refused');
    return flow.view;
  });
  ipcMain.handle(CHANNELS.intent, async (event, payload: unknown): Promise<void> => {
    if (!isTrustedSender(event, isAppWindowContents) || !isIntent(payload)) throw new Error('refused');
    await flow.handle(payload);
  });
  // These take no arguments: a call that brings any is not the app's own page.
  ipcMain.handle(CHANNELS.diagnostics, (event, ...args: unknown[]): Promise<Diagnostics> => {
    if (!isTrustedArgumentlessCall(event, args, isAppWindowContents)) throw new Error('refused');
    return diagnostics.collect();
  });
  ipcMain.handle(CHANNELS.copyDiagnostics, async (event, ...args: unknown[]): Promise<void> => {
    if (!isTrustedArgumentlessCall(event, args, isAppWindowContents)) throw new Error('refused');
    await diagnostics.copy();
  });
}

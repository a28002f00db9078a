/**
 * Whether an IPC message may be acted on: it must come from the top frame of one of the app's own
 * windows while that frame shows an app page, never from a subframe, another site or another window.
 */
import { isAppUrl } from '../app/app-path.js';

/** The parts of Electron's IpcMainInvokeEvent the check reads. */
export interface IpcSender {
  readonly senderFrame: { readonly parent: unknown; readonly url: string } | null;
  readonly sender: { readonly id: number };
}

export function isTrustedSender(event: IpcSender, isAppWindowContents: (id: number) => boolean): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url) && isAppWindowContents(event.sender.id);
}

/** A call that takes no arguments (the diagnostics): from the app's own page, and bringing none. */
export function isTrustedArgumentlessCall(event: IpcSender, args: readonly unknown[], isAppWindowContents: (id: number) => boolean): boolean {
  return args.length === 0 && isTrustedSender(event, isAppWindowContents);
}

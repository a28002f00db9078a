/**
 * What app pages may do, decided as plain functions of what they ask: navigate only within the
 * app, open no windows, attach no webviews, get no permission (camera, notifications, clipboard
 * reads, ...), and see a context menu only in editable fields, offering only editing.
 */
import type { MenuItemConstructorOptions } from 'electron';
import { isAppUrl } from '../app/app-path.js';

/** will-navigate, will-redirect: may the page go to `url`? */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** setWindowOpenHandler: links and window.open never open a window; the flow opens the browser itself when it should. */
export function windowOpenDecision(): { readonly action: 'deny' } {
  return { action: 'deny' };
}

/** Permission requests and checks: the app needs none. */
export function mayUsePermission(): boolean {
  return false;
}

/**
 * app 'select-client-certificate': a server (or a proxy on the way) that asks for a client
 * certificate gets none. Since Electron 44 the event also comes for the main process's net.fetch,
 * the sign-in API's requests, where Electron would otherwise present the first matching certificate
 * of the computer's store unasked; before, those requests simply failed. A server that requires one
 * refuses the connection, which the sign-in reports as a TLS failure (classify-transport-error.ts).
 */
export function presentsClientCertificate(): boolean {
  return false;
}

export interface ContextMenuRequest {
  readonly isEditable: boolean;
  readonly editFlags: { readonly canCut: boolean; readonly canCopy: boolean; readonly canPaste: boolean; readonly canSelectAll: boolean };
}

/** The context menu for a right-click, or null for none (so Paste works in the code input, and nothing else is offered). */
export function editContextMenu(request: ContextMenuRequest): MenuItemConstructorOptions[] | null {
  if (!request.isEditable) return null;
  return [
    { role: 'cut', enabled: request.editFlags.canCut },
    { role: 'copy', enabled: request.editFlags.canCopy },
    { role: 'paste', enabled: request.editFlags.canPaste },
    { type: 'separator' },
    { role: 'selectAll', enabled: request.editFlags.canSelectAll },
  ];
}

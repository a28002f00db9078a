/**
 * The application menu, as plain data (app-menu.ts installs it). On macOS, Cmd+V, Cmd+C and friends
 * only work when an Edit menu with those roles exists, so the code input needs this to accept a
 * pasted code. Help holds "About Stepgate", which shows the version on every platform. It replaces
 * Electron's default menu, whose View menu offers reload and "Toggle Developer Tools"
 * (Ctrl+Shift+I): this one has neither, in any build.
 */
import type { MenuItemConstructorOptions } from 'electron';
import type { Messages } from '../../shared/messages/en.js';

export function appMenuTemplate(t: Messages, platform: NodeJS.Platform): MenuItemConstructorOptions[] {
  const about: MenuItemConstructorOptions = { role: 'about', label: t.menu.about };
  const appMenu: MenuItemConstructorOptions = { label: t.appName, submenu: [about, { type: 'separator' }, { role: 'quit' }] };
  return [
    ...(platform === 'darwin' ? [appMenu] : []),
    { label: t.menu.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: t.menu.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
    ...(platform === 'darwin' ? [] : [{ label: t.menu.help, submenu: [about] }]),
  ];
}

/**
 * A minimal application menu. On macOS, Cmd+V, Cmd+C and friends only work when an Edit menu
 * with those roles exists, so the code input needs this to accept a pasted code.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { en } from '../../shared/messages/en.js';

export function installAppMenu(appName: string, platform: NodeJS.Platform): void {
  const appMenu: MenuItemConstructorOptions = { label: appName, submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'quit' }] };
  const template: MenuItemConstructorOptions[] = [
    ...(platform === 'darwin' ? [appMenu] : []),
    { label: en.menu.edit, submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }] },
    { label: en.menu.window, submenu: [{ role: 'minimize' }, { role: 'close' }] },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

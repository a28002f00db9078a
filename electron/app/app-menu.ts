/** Installs the application menu app-menu-template.ts describes. */
import { Menu } from 'electron';
import type { Messages } from '../../shared/messages/en.js';
import { appMenuTemplate } from './app-menu-template.js';

export function installAppMenu(t: Messages, platform: NodeJS.Platform): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(appMenuTemplate(t, platform)));
}

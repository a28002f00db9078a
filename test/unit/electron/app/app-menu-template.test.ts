import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { appMenuTemplate } from '../../../../electron/app/app-menu-template.js';
import { en } from '../../../../shared/messages/en.js';

function items(template: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

describe('appMenuTemplate', () => {
  it.each(['win32', 'darwin', 'linux'] as const)('on %s offers no DevTools, no reload and no View menu, by item or by shortcut', (platform) => {
    const all = items(appMenuTemplate(en, platform));
    const roles = all.map((item) => item.role).filter((role) => role !== undefined);
    // viewMenu is Electron's View menu, which holds toggleDevTools, reload and forceReload.
    for (const role of ['toggleDevTools', 'reload', 'forceReload', 'viewMenu']) expect(roles).not.toContain(role);
    expect(all.filter((item) => item.accelerator !== undefined || item.click !== undefined)).toEqual([]);
  });

  it('keeps the Edit roles the code input needs for paste, and About', () => {
    const roles = items(appMenuTemplate(en, 'darwin')).map((item) => item.role);
    expect(roles).toEqual(expect.arrayContaining(['about', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });
});

import { describe, expect, it } from 'vitest';
import { en } from '../../../../shared/messages/en.js';
import { fi } from '../../../../shared/messages/fi.js';
import { CODE_WINDOW_CONTENT, hasMenuBar, pagePath, windowOptions, type WindowRole } from '../../../../electron/windows/window-options.js';

const PLATFORMS: readonly NodeJS.Platform[] = ['win32', 'darwin', 'linux'];
const ROLES: readonly WindowRole[] = ['login', 'code'];
const context = (platform: NodeJS.Platform) => ({ platform, language: 'en' as const, preloadPath: '/app/dist/electron/preload.cjs', darkMode: false, devTools: false });

describe('windowOptions', () => {
  it.each(PLATFORMS.flatMap((platform) => ROLES.map((role) => [role, platform] as const)))('%s window on %s: isolated, sandboxed, sized by content, hidden until drawn', (role, platform) => {
    const options = windowOptions(role, context(platform));
    expect(options).toMatchObject({ useContentSize: true, show: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/app/dist/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
    });
  });

  it.each(ROLES)('the %s window has DevTools off unless the build allows them (never in a release)', (role) => {
    expect(windowOptions(role, context('win32')).webPreferences?.devTools).toBe(false);
    expect(windowOptions(role, { ...context('win32'), devTools: true }).webPreferences?.devTools).toBe(true);
  });

  it.each(PLATFORMS)('the code window on %s is a fixed-size modal dialog sized by its content', (platform) => {
    expect(windowOptions('code', context(platform))).toMatchObject({
      ...CODE_WINDOW_CONTENT,
      modal: true,
      resizable: false,
      minimizable: false,
      maximizable: false,
      fullscreenable: false,
      title: en.windowTitle.code,
    });
  });

  it('the login window can be resized down to its minimum', () => {
    expect(windowOptions('login', context('win32'))).toMatchObject({ width: 420, height: 600, minWidth: 360, minHeight: 480, title: en.windowTitle.signIn });
    expect(windowOptions('login', context('win32')).resizable).toBeUndefined();
  });

  it('titles the windows in the app’s language', () => {
    expect(windowOptions('code', { ...context('win32'), language: 'fi' }).title).toBe(fi.windowTitle.code);
    expect(windowOptions('login', { ...context('win32'), language: 'fi' }).title).toBe(fi.windowTitle.signIn);
  });

  it('paints the background the page will have, so nothing flashes white in dark mode', () => {
    expect(windowOptions('code', { ...context('linux'), darkMode: true }).backgroundColor).toBe('#1c1d21');
    expect(windowOptions('code', context('linux')).backgroundColor).toBe('#f6f7f9');
  });
});

describe('hasMenuBar', () => {
  it('gives the code window no menu bar on Windows and Linux; on macOS menus belong to the app', () => {
    expect(hasMenuBar('code', 'win32')).toBe(false);
    expect(hasMenuBar('code', 'linux')).toBe(false);
    expect(hasMenuBar('login', 'win32')).toBe(true);
    expect(hasMenuBar('login', 'linux')).toBe(true);
    expect(hasMenuBar('login', 'darwin')).toBe(false);
  });
});

describe('pagePath', () => {
  it('gives the code window its own page in each language', () => {
    expect(pagePath('code', 'en')).toBe('/code.html');
    expect(pagePath('code', 'fi')).toBe('/code-fi.html');
    expect(pagePath('login', 'fi')).toBe('/index.html?window=login');
  });
});

import { describe, expect, it } from 'vitest';
import { raiseWindow } from '../../../../electron/windows/raise-window.js';
import { FakeWindow } from './fake-window.js';

describe('raiseWindow', () => {
  it('on Windows restores, sets always-on-top around show and focus, and flashes the taskbar until focused', () => {
    const window = new FakeWindow();
    window.minimized = true;
    raiseWindow(window.asWindow, 'windows', () => window.calls.push('app focus'));
    expect(window.calls).toEqual(['restore', 'alwaysOnTop true', 'show', 'focus', 'alwaysOnTop false', 'flash true']);
    window.emit('focus');
    expect(window.calls.at(-1)).toBe('flash false');
  });

  it('does not flash a window that took focus', () => {
    const window = new FakeWindow();
    window.focused = true;
    raiseWindow(window.asWindow, 'x11', () => undefined);
    expect(window.calls).toEqual(['show', 'focus']);
  });

  it('on macOS has the app take focus before the window', () => {
    const window = new FakeWindow();
    raiseWindow(window.asWindow, 'macos', () => window.calls.push('app focus'));
    expect(window.calls).toEqual(['app focus', 'show', 'focus']);
  });

  it('leaves a closed window alone', () => {
    const window = new FakeWindow();
    window.destroyed = true;
    raiseWindow(window.asWindow, 'wayland', () => undefined);
    expect(window.calls).toEqual([]);
  });
});

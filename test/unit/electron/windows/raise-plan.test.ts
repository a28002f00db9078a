import { describe, expect, it } from 'vitest';
import { raiseMethod, raiseSteps, raisesItself, type DisplaySession } from '../../../../electron/windows/raise-plan.js';

const linux = (over: Partial<DisplaySession> = {}): DisplaySession => ({
  platform: 'linux',
  sessionType: undefined,
  waylandDisplay: undefined,
  ozonePlatform: '',
  ozonePlatformHint: '',
  ...over,
});

describe('raiseMethod', () => {
  it('goes by the platform on Windows and macOS, whatever the environment says', () => {
    expect(raiseMethod(linux({ platform: 'win32', sessionType: 'wayland', waylandDisplay: 'wayland-0' }))).toBe('windows');
    expect(raiseMethod(linux({ platform: 'darwin', sessionType: 'wayland' }))).toBe('macos');
  });

  it.each([
    ['a Wayland session', { sessionType: 'wayland', waylandDisplay: 'wayland-0' }, 'wayland'],
    ['an X11 session', { sessionType: 'x11' }, 'x11'],
    ['an X11 session with a stray WAYLAND_DISPLAY', { sessionType: 'x11', waylandDisplay: 'wayland-0' }, 'x11'],
    ['no session type but a Wayland display', { waylandDisplay: 'wayland-0' }, 'wayland'],
    ['no session type and an empty Wayland display', { waylandDisplay: '' }, 'x11'],
    ['a tty session (startx)', { sessionType: 'tty' }, 'x11'],
    ['nothing known', {}, 'x11'],
    ['a Wayland session run through XWayland (--ozone-platform=x11)', { sessionType: 'wayland', ozonePlatform: 'x11' }, 'x11'],
    ['an X11 session forced to Wayland (--ozone-platform=wayland)', { sessionType: 'x11', ozonePlatform: 'wayland' }, 'wayland'],
    ['--ozone-platform-hint=x11 on Wayland', { sessionType: 'wayland', ozonePlatformHint: 'x11' }, 'x11'],
    ['--ozone-platform-hint=auto on Wayland', { sessionType: 'wayland', ozonePlatformHint: 'auto' }, 'wayland'],
    ['--ozone-platform over --ozone-platform-hint', { ozonePlatform: 'wayland', ozonePlatformHint: 'x11' }, 'wayland'],
  ] as const)('on Linux, %s: %s', (_name, session, method) => {
    expect(raiseMethod(linux(session))).toBe(method);
  });

  it('treats the other Unix desktops as Linux', () => {
    expect(raiseMethod(linux({ platform: 'freebsd', sessionType: 'wayland' }))).toBe('wayland');
  });
});

describe('raiseSteps', () => {
  it('on Windows, makes the window topmost for a moment around show and focus, then flashes if still not in front', () => {
    expect(raiseSteps('windows', false)).toEqual(['alwaysOnTop', 'show', 'focus', 'dropAlwaysOnTop', 'flashUntilFocused']);
  });

  it('on macOS, lets the app take focus first', () => {
    expect(raiseSteps('macos', false)).toEqual(['appTakesFocus', 'show', 'focus']);
  });

  it('on X11, shows and focuses, with the urgency hint as the fallback', () => {
    expect(raiseSteps('x11', false)).toEqual(['show', 'focus', 'flashUntilFocused']);
  });

  it('on Wayland, asks for attention: the compositor decides', () => {
    expect(raiseSteps('wayland', false)).toContain('flashUntilFocused');
    expect(raiseSteps('wayland', false)).not.toContain('alwaysOnTop');
  });

  it('restores a minimized window first, everywhere', () => {
    for (const method of ['windows', 'macos', 'x11', 'wayland'] as const) {
      expect(raiseSteps(method, true)[0]).toBe('restore');
      expect(raiseSteps(method, false)).not.toContain('restore');
    }
  });

  it('never leaves a window always on top', () => {
    for (const method of ['windows', 'macos', 'x11', 'wayland'] as const) {
      const steps = raiseSteps(method, true);
      expect(steps.lastIndexOf('alwaysOnTop') <= steps.lastIndexOf('dropAlwaysOnTop')).toBe(true);
    }
  });
});

describe('raisesItself', () => {
  it('is false only on Wayland, where the browser page asks the person to switch back', () => {
    expect(raisesItself('wayland')).toBe(false);
    for (const method of ['windows', 'macos', 'x11'] as const) expect(raisesItself(method)).toBe(true);
  });
});

/**
 * How the app brings its window to the front (after a browser sign-in, a second start, a click on
 * the Dock icon), per platform and display server, as steps the adapter (raise-window.ts) performs:
 * - Windows: the foreground lock lets a background app only flash its taskbar button, so the window
 *   is made always-on-top for a moment, shown and focused, then let go; flashing is the fallback.
 * - macOS: a window of a background app cannot take focus unless the app takes it first.
 * - X11: show and focus; the urgency hint where the window manager keeps focus where it was.
 * - Wayland: a window cannot take focus by itself (the compositor decides), so it asks for
 *   attention and the browser's last page asks the person to switch back.
 */
import { assertNever } from '../../shared/util/assert-never.js';

export type RaiseMethod = 'windows' | 'macos' | 'x11' | 'wayland';

export interface DisplaySession {
  readonly platform: NodeJS.Platform;
  /** XDG_SESSION_TYPE: `wayland`, `x11`, `tty`, or unset. */
  readonly sessionType: string | undefined;
  /** WAYLAND_DISPLAY, set inside a Wayland session. */
  readonly waylandDisplay: string | undefined;
  /** Chromium's --ozone-platform switch (empty when not given), then --ozone-platform-hint. */
  readonly ozonePlatform: string;
  readonly ozonePlatformHint: string;
}

export function raiseMethod(session: DisplaySession): RaiseMethod {
  if (session.platform === 'win32') return 'windows';
  if (session.platform === 'darwin') return 'macos';
  // What Chromium runs on: a switch naming one wins, else it follows the session (its `auto`, the default since Electron 38).
  for (const named of [session.ozonePlatform, session.ozonePlatformHint]) {
    if (named === 'x11' || named === 'wayland') return named;
  }
  if (session.sessionType === 'wayland') return 'wayland';
  if (session.sessionType === 'x11') return 'x11';
  return session.waylandDisplay !== undefined && session.waylandDisplay !== '' ? 'wayland' : 'x11';
}

/** Whether the window can come to the front by itself; where not, the browser's last page asks the person to switch back. */
export function raisesItself(method: RaiseMethod): boolean {
  return method !== 'wayland';
}

export type RaiseStep =
  | 'restore'
  /** macOS: app.focus({ steal: true }). */
  | 'appTakesFocus'
  | 'alwaysOnTop'
  | 'show'
  | 'focus'
  | 'dropAlwaysOnTop'
  /** flashFrame (the taskbar button, the urgency hint, a request for attention) until the window has focus. */
  | 'flashUntilFocused';

export function raiseSteps(method: RaiseMethod, minimized: boolean): readonly RaiseStep[] {
  const restore: readonly RaiseStep[] = minimized ? ['restore'] : [];
  switch (method) {
    case 'windows':
      return [...restore, 'alwaysOnTop', 'show', 'focus', 'dropAlwaysOnTop', 'flashUntilFocused'];
    case 'macos':
      return [...restore, 'appTakesFocus', 'show', 'focus'];
    case 'x11':
      return [...restore, 'show', 'focus', 'flashUntilFocused'];
    case 'wayland':
      // focus() is still asked: a compositor that takes an activation token may grant it.
      return [...restore, 'show', 'focus', 'flashUntilFocused'];
    default:
      return assertNever(method);
  }
}
